package org.dphub.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own programs (pg_dump, pg_restore; initdb, pg_ctl and postgres for a server) in one
 * folder, of one major version. pg_dump refuses a server newer than itself, so a backup needs the
 * tools of the server's major version or a newer one.
 *
 * <p>Where they are looked for, in order: {@code DPHUB_PG_BIN} (a folder), the folder zonky
 * extracted the embedded PostgreSQL into (zonky's bundle holds only initdb, pg_ctl and postgres
 * today, so it is used only if a later bundle adds pg_dump), Debian's
 * {@code /usr/lib/postgresql/<version>/bin} (the newest first), then every folder on the PATH.
 */
public record PostgresTools(Path bin, int major) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.\\d+)?");

    public Path program(String name) {
        return bin.resolve(name);
    }

    public boolean has(String name) {
        return Files.isExecutable(program(name));
    }

    /** The newest tools that hold pg_dump and pg_restore and can read a server of {@code serverMajor}. */
    public static Optional<PostgresTools> forServer(int serverMajor) {
        return found().stream().filter(t -> t.major() >= serverMajor).findFirst();
    }

    /** Every folder of tools found, the explicitly given one first, then the newest. */
    public static List<PostgresTools> found() {
        List<PostgresTools> tools = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (Path folder : candidates()) {
            if (!seen.add(realPath(folder))) {
                continue; // /bin and /usr/bin are one folder on most systems
            }
            if (Files.isExecutable(folder.resolve("pg_dump")) && Files.isExecutable(folder.resolve("pg_restore"))) {
                versionOf(folder.resolve("pg_dump")).ifPresent(major -> tools.add(new PostgresTools(folder, major)));
            }
        }
        String given = System.getenv("DPHUB_PG_BIN");
        Comparator<PostgresTools> givenFirst = Comparator.comparing(t -> given == null || !t.bin().equals(Path.of(given).toAbsolutePath()));
        return tools.stream().sorted(givenFirst.thenComparing(Comparator.comparingInt(PostgresTools::major).reversed())).toList();
    }

    private static Set<Path> candidates() {
        Set<Path> folders = new LinkedHashSet<>();
        String given = System.getenv("DPHUB_PG_BIN");
        if (given != null && !given.isBlank()) {
            folders.add(Path.of(given).toAbsolutePath());
        }
        Path zonky = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        folders.addAll(subfolders(zonky).stream().map(p -> p.resolve("bin")).toList());
        folders.addAll(subfolders(Path.of("/usr/lib/postgresql")).stream().map(p -> p.resolve("bin")).toList());
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                if (!folder.isBlank()) {
                    folders.add(Path.of(folder).toAbsolutePath());
                }
            }
        }
        return folders;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder;
        }
    }

    private static List<Path> subfolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The major version a program says it is ({@code pg_dump (PostgreSQL) 17.2} → 17). */
    static Optional<Integer> versionOf(Path program) {
        try {
            Process process = new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            Matcher version = VERSION.matcher(said);
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
