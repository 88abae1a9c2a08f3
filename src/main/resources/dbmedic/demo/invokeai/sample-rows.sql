-- A small, friendly gallery: rows a user of InvokeAI 4.2/5.x would have.
-- Only columns that exist at legacy version 15 (early form included) are named, so the
-- same rows fit every later version: later columns take their defaults.
INSERT INTO images (image_name, image_origin, image_category, width, height, session_id, node_id, metadata, is_intermediate, starred, has_workflow) VALUES
 ('0b6f2e1a-lighthouse-at-dusk.png', 'internal', 'general', 1024, 1024, 'sess-0001', 'canvas_output', '{"positive_prompt":"a lighthouse at dusk, watercolor","seed":1234}', 0, 1, 1),
 ('1c7a3f2b-mountain-lake.png', 'internal', 'general', 1216, 832, 'sess-0002', 'canvas_output', '{"positive_prompt":"a calm mountain lake at sunrise","seed":42}', 0, 0, 0),
 ('2d8b4a3c-cat-astronaut.png', 'internal', 'general', 832, 1216, 'sess-0003', 'canvas_output', '{"positive_prompt":"a cat astronaut, studio lighting","seed":7}', 0, 1, 0),
 ('3e9c5b4d-mask.png', 'internal', 'mask', 1024, 1024, 'sess-0003', 'mask_node', NULL, 1, 0, 0),
 ('4fad6c5e-garden-sketch.png', 'external', 'user', 768, 768, NULL, NULL, NULL, 0, 0, 0);

INSERT INTO boards (board_id, board_name, cover_image_name) VALUES
 ('b-landscapes', 'Landscapes', '1c7a3f2b-mountain-lake.png'),
 ('b-characters', 'Characters', '2d8b4a3c-cat-astronaut.png'),
 ('b-sketches', 'Sketches', NULL);

INSERT INTO board_images (board_id, image_name) VALUES
 ('b-landscapes', '0b6f2e1a-lighthouse-at-dusk.png'),
 ('b-landscapes', '1c7a3f2b-mountain-lake.png'),
 ('b-characters', '2d8b4a3c-cat-astronaut.png'),
 ('b-sketches', '4fad6c5e-garden-sketch.png');

INSERT INTO session_queue (batch_id, queue_id, session_id, field_values, session, status, priority, workflow, error_type, error_message, error_traceback, origin) VALUES
 ('batch-a', 'default', 'sess-0001', NULL, '{"id":"sess-0001","graph":{"nodes":{}}}', 'completed', 0, NULL, NULL, NULL, NULL, 'canvas'),
 ('batch-a', 'default', 'sess-0002', NULL, '{"id":"sess-0002","graph":{"nodes":{}}}', 'completed', 0, NULL, NULL, NULL, NULL, 'canvas'),
 ('batch-b', 'default', 'sess-0003', '[{"node_path":"noise","field_name":"seed","value":7}]', '{"id":"sess-0003","graph":{"nodes":{}}}', 'failed', 0, NULL, 'OutOfMemoryError', 'CUDA out of memory', 'Traceback (most recent call last): ...', 'workflows'),
 ('batch-c', 'default', 'sess-0004', NULL, '{"id":"sess-0004","graph":{"nodes":{}}}', 'pending', 1, NULL, NULL, NULL, NULL, 'canvas');

INSERT INTO workflow_library (workflow_id, workflow) VALUES
 ('wf-text-to-image', '{"id":"wf-text-to-image","name":"Text to Image","description":"A simple text-to-image workflow","meta":{"category":"default","version":"3.0.0"},"tags":"text2image, basic","nodes":[],"edges":[]}'),
 ('wf-upscale', '{"id":"wf-upscale","name":"Upscale x2","description":"Upscales an image","meta":{"category":"user","version":"3.0.0"},"tags":"upscale","nodes":[],"edges":[]}');

INSERT INTO style_presets (id, name, preset_data, type) VALUES
 ('sp-watercolor', 'Watercolor', '{"positive_prompt":"{prompt}, watercolor painting","negative_prompt":"photo"}', 'user'),
 ('sp-photo', 'Photography', '{"positive_prompt":"{prompt}, 35mm photo","negative_prompt":"painting"}', 'default');

INSERT INTO models (id, config) VALUES
 ('3f1d9a2e-sdxl-base', '{"key":"3f1d9a2e-sdxl-base","hash":"blake3:aa11","base":"sdxl","type":"main","path":"sdxl/main/stable-diffusion-xl-base-1.0","format":"diffusers","name":"stable-diffusion-xl-base-1.0","description":"SDXL base model","source":"stabilityai/stable-diffusion-xl-base-1.0","source_type":"hf_repo_id","file_size":6938078334}'),
 ('5b2c8e4f-sdxl-vae', '{"key":"5b2c8e4f-sdxl-vae","hash":"blake3:bb22","base":"sdxl","type":"vae","path":"sdxl/vae/sdxl-vae-fp16-fix","format":"diffusers","name":"sdxl-vae-fp16-fix","description":"VAE fixed for fp16","source":"madebyollin/sdxl-vae-fp16-fix","source_type":"hf_repo_id","file_size":334643268}'),
 ('7d4e1b6a-detail-lora', '{"key":"7d4e1b6a-detail-lora","hash":"blake3:cc33","base":"sdxl","type":"lora","path":"sdxl/lora/add-detail-xl.safetensors","format":"lycoris","name":"add-detail-xl","description":"Adds fine detail","source":"https://civitai.com/models/122359","source_type":"url","trigger_phrases":["detailed"],"file_size":228455732}'),
 ('9a6f3c8d-sd15-main', '{"key":"9a6f3c8d-sd15-main","hash":"blake3:dd44","base":"sd-1","type":"main","path":"sd-1/main/dreamshaper_8.safetensors","format":"checkpoint","name":"dreamshaper_8","description":"Dreamshaper 8","source":"https://civitai.com/models/4384","source_type":"url","file_size":2132625894}');
