package dbmedic.core.offline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compose folder read like {@code docker compose config} would: the {@code .env} file, the
 * YAML, and substitution of {@code ${VAR}} in every value from .env (the shell's environment,
 * which also counts for Compose, is not known offline).
 *
 * @param env         the .env file (empty when there is none)
 * @param services    services in file order; empty when the YAML could not be read
 * @param yamlError   why the YAML could not be read ({@code line L, column C: ...}), or null
 * @param notes       substitution warnings (unset variables) as Compose prints them
 */
record ComposeProject(Path composeFile, DotEnv env, List<ComposeService> services, String yamlError,
                      List<String> notes) {

    static ComposeProject read(ComposeFolderTarget target) throws IOException {
        DotEnv env = Files.isRegularFile(target.envFile())
                ? DotEnv.parse(Files.readString(target.envFile(), StandardCharsets.UTF_8))
                : DotEnv.empty();
        String yaml = new String(Files.readAllBytes(target.composeFile()), StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            return new ComposeProject(target.composeFile(), env, List.of(), describe(e), List.of());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ComposeProject(target.composeFile(), env, List.of(), "the file is empty", List.of());
        }
        if (!root.isObject()) {
            return new ComposeProject(target.composeFile(), env, List.of(),
                    "the top level is not a mapping of keys (services:, volumes:, ...)", List.of());
        }
        Set<String> notes = new LinkedHashSet<>();
        JsonNode resolved = substitute(root, env.values(), notes);
        JsonNode services = resolved.path("services");
        if (!services.isObject()) {
            return new ComposeProject(target.composeFile(), env, List.of(),
                    "there is no `services:` mapping", List.copyOf(notes));
        }
        List<ComposeService> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = services.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            list.add(service(e.getKey(), e.getValue(), env));
        }
        return new ComposeProject(target.composeFile(), env, List.copyOf(list), null, List.copyOf(notes));
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage();
        msg = msg.lines().findFirst().orElse(msg).strip();
        return (loc != null && loc.getLineNr() > 0 ? "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " : "")
                + msg;
    }

    /** Compose substitutes variables in values (not keys) after parsing the YAML. */
    private static JsonNode substitute(JsonNode node, Map<String, String> vars, Set<String> notes) {
        if (node.isTextual()) {
            Interpolation.Result r = Interpolation.apply(node.textValue(), vars);
            notes.addAll(r.notes());
            return TextNode.valueOf(r.text());
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> a.add(substitute(n, vars, notes)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), substitute(e.getValue(), vars, notes)));
            return o;
        }
        return node;
    }

    private static ComposeService service(String name, JsonNode s, DotEnv env) {
        String image = text(s.get("image"));
        String container = text(s.get("container_name"));
        Optional<List<String>> command = Optional.empty();
        String commandText = null;
        JsonNode cmd = s.get("command");
        if (cmd != null && !cmd.isNull()) {
            List<String> args = new ArrayList<>();
            if (cmd.isArray()) {
                cmd.forEach(a -> args.add(a.asText()));
                commandText = String.join(" ", args);
            } else {
                commandText = cmd.asText().strip();
                args.addAll(ShellWords.split(commandText));
            }
            command = Optional.of(List.copyOf(args));
        }
        List<String> envFiles = new ArrayList<>();
        JsonNode ef = s.get("env_file");
        if (ef != null) {
            for (JsonNode f : ef.isArray() ? ef : JsonNodeFactory.instance.arrayNode().add(ef)) {
                envFiles.add(f.isObject() ? f.path("path").asText() : f.asText());
            }
        }
        Map<String, String> environment = new LinkedHashMap<>();
        // Offline only the folder's .env can be read; another env_file is noted but not followed.
        if (envFiles.stream().anyMatch(f -> f.equals(".env") || f.equals("./.env"))) {
            environment.putAll(env.values());
        }
        JsonNode envNode = s.get("environment");
        if (envNode != null && envNode.isObject()) {
            envNode.fields().forEachRemaining(e -> environment.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
        } else if (envNode != null && envNode.isArray()) {
            for (JsonNode item : envNode) {
                String t = item.asText();
                int eq = t.indexOf('=');
                environment.put(eq < 0 ? t : t.substring(0, eq), eq < 0 ? null : t.substring(eq + 1));
            }
        }
        JsonNode ro = s.get("read_only");
        boolean readOnly = ro != null && (ro.asBoolean(false) || "true".equalsIgnoreCase(ro.asText()));
        JsonNode hc = s.get("healthcheck");
        List<String> aliases = new ArrayList<>();
        String hostname = text(s.get("hostname"));
        if (hostname != null) {
            aliases.add(hostname);
        }
        JsonNode nets = s.get("networks");
        if (nets != null && nets.isObject()) {
            nets.fields().forEachRemaining(e -> e.getValue().path("aliases").forEach(a -> aliases.add(a.asText())));
        }
        return new ComposeService(name, image, container, command, commandText, environment, List.copyOf(envFiles),
                text(s.get("shm_size")), readOnly, hc != null && !hc.path("disable").asBoolean(false),
                List.copyOf(aliases), bindMounts(s.get("volumes")));
    }

    /** Short ({@code ./postgres:/var/lib/postgresql/data[:rw]}) and long ({@code type: bind}) volume syntax. */
    private static Map<String, String> bindMounts(JsonNode volumes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (volumes == null || !volumes.isArray()) {
            return out;
        }
        for (JsonNode v : volumes) {
            if (v.isObject()) {
                if ("bind".equals(v.path("type").asText()) && v.hasNonNull("source") && v.hasNonNull("target")) {
                    out.put(v.get("target").asText(), v.get("source").asText());
                }
                continue;
            }
            String t = v.asText();
            // A Windows drive letter ("C:\\x:/data") has a colon of its own.
            int start = t.length() > 2 && t.charAt(1) == ':' && Character.isLetter(t.charAt(0)) ? 2 : 0;
            int colon = t.indexOf(':', start);
            if (colon < 0) {
                continue;
            }
            String source = t.substring(0, colon);
            String rest = t.substring(colon + 1);
            int mode = rest.indexOf(':');
            String target = mode < 0 ? rest : rest.substring(0, mode);
            boolean isPath = source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || start == 2;
            if (isPath) {
                out.put(target, source);
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
