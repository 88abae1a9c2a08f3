package dbmedic.core.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All knowledge packs shipped as resources under /dbmedic/packs/. {@code index.json} names
 * the pack files (adding an app is a new pack file plus one line there) and the file of
 * SQLite's own error strings.
 */
public final class PackRegistry {
    static final String ROOT = "/dbmedic/packs/";
    // Unknown properties fail, so a misspelt key in a pack cannot silently drop knowledge.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<JsonAppPack> packs;
    private final List<ErrorRule> errorRules;

    private PackRegistry(List<JsonAppPack> packs, List<ErrorRule> sourceRules, List<ErrorRule> commonRules) {
        this.packs = List.copyOf(packs);
        List<ErrorRule> rules = new ArrayList<>();
        // App rules first: they know which table a bare column belongs to and why it is missing.
        for (JsonAppPack pack : packs) {
            for (PackJson.ErrorDef def : pack.json().errors() == null ? List.<PackJson.ErrorDef>of() : pack.json().errors()) {
                rules.add(ErrorRule.of(pack.id(), def));
            }
        }
        rules.addAll(sourceRules);
        rules.addAll(commonRules);
        this.errorRules = List.copyOf(rules);
    }

    /** Loads every pack named in {@code /dbmedic/packs/index.json}; a broken pack fails loudly. */
    public static PackRegistry load() {
        PackJson.Index index = read("index.json", PackJson.Index.class);
        List<JsonAppPack> packs = new ArrayList<>();
        for (String file : index.packs()) {
            JsonAppPack pack = new JsonAppPack(read(file, PackJson.Pack.class));
            if (packs.stream().anyMatch(p -> p.id().equals(pack.id()))) {
                throw new IllegalStateException("Two knowledge packs use the id '" + pack.id() + "'");
            }
            packs.add(pack);
        }
        List<ErrorRule> common = new ArrayList<>();
        if (index.commonErrors() != null) {
            PackJson.CommonErrors file = read(index.commonErrors(), PackJson.CommonErrors.class);
            for (PackJson.ErrorDef def : file.errors()) {
                common.add(ErrorRule.of(null, def));
            }
        }
        List<ErrorRule> sources = new ArrayList<>();
        for (String file : index.errorSources() == null ? List.<String>of() : index.errorSources()) {
            sources.addAll(readErrorSource(file));
        }
        return new PackRegistry(packs, sources, common);
    }

    public List<AppPack> packs() {
        return List.copyOf(packs);
    }

    public Optional<AppPack> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return packs.stream().filter(p -> p.id().equals(wanted)).map(p -> (AppPack) p).findFirst();
    }

    /** The ids of all packs, for messages such as "use --app invokeai|gpustack". */
    public List<String> ids() {
        return packs.stream().map(JsonAppPack::id).toList();
    }

    /** Every known error string, app packs first (in index order), then SQLite's own. */
    public List<ErrorRule> errorRules() {
        return errorRules;
    }

    /** Only {@code id} and {@code errors} of the file; the errors themselves are read strictly. */
    private static List<ErrorRule> readErrorSource(String file) {
        com.fasterxml.jackson.databind.JsonNode node = read(file, com.fasterxml.jackson.databind.JsonNode.class);
        String id = node.path("id").asText(null);
        if (id == null || !node.path("errors").isArray()) {
            throw new IllegalStateException("Error source " + ROOT + file + " needs an id and an errors list");
        }
        List<ErrorRule> rules = new ArrayList<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode e : node.get("errors")) {
                rules.add(ErrorRule.of(id, MAPPER.treeToValue(e, PackJson.ErrorDef.class)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read error source " + ROOT + file + ": " + e.getMessage(), e);
        }
        return rules;
    }

    private static <T> T read(String file, Class<T> type) {
        String path = ROOT + file;
        try (InputStream in = PackRegistry.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Knowledge pack resource missing: " + path);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge pack " + path + ": " + e.getMessage(), e);
        }
    }
}
