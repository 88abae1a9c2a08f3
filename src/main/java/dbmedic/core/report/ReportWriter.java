package dbmedic.core.report;

import dbmedic.core.diagnose.Diagnosis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves a diagnosis for a support thread: {@code <base>.md} and {@code <base>.json},
 * both redacted. Returns the two files written.
 */
public final class ReportWriter {
    private final Redactor redactor;
    private final String toolVersion;

    public ReportWriter(Redactor redactor, String toolVersion) {
        this.redactor = redactor;
        this.toolVersion = toolVersion;
    }

    /** {@code destination}: a folder (files named dbmedic-report.*) or a file name (its extension is replaced). */
    public List<Path> write(Diagnosis diagnosis, Path destination) throws IOException {
        Path base = Files.isDirectory(destination) ? destination.resolve("dbmedic-report") : stripExtension(destination);
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        Path md = base.resolveSibling(base.getFileName() + ".md");
        Path json = base.resolveSibling(base.getFileName() + ".json");
        Files.writeString(md, new MarkdownReport(redactor).render(diagnosis, toolVersion));
        JsonDocuments docs = new JsonDocuments(redactor);
        Files.writeString(json, docs.write(docs.diagnosis(diagnosis)) + "\n");
        return List.of(md, json);
    }

    private static Path stripExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? file.resolveSibling(name.substring(0, dot)) : file;
    }
}
