package org.dphub.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Makes a hot standby of a running PostgreSQL with its own streaming replication, from the same
 * programs the server runs (the embedded binaries have no {@code pg_basebackup}, so this is the
 * base backup that pg_basebackup takes, by PostgreSQL's low-level API — "Making a Base Backup Using
 * the Low Level API" in the PostgreSQL manual): a physical replication slot keeps the WAL from the
 * start of the copy; {@code pg_backup_start}, a copy of the data folder (less what the manual says
 * to leave out), {@code pg_backup_stop}, whose label becomes {@code backup_label}; then
 * {@code standby.signal} and {@code primary_conninfo}/{@code primary_slot_name}. Started, the copy
 * replays the WAL it streams from the server and answers read-only queries.
 */
public final class Standby {

    /** Folders whose contents a base backup leaves out (the folders themselves are kept, empty). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /** Files a base backup leaves out. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map",
            "standby.signal", "recovery.signal");

    private Standby() {
    }

    /**
     * Copies the server at {@code primary} (whose data folder is {@code primaryDataDir}, on this
     * machine) to {@code standbyDir} as a standby that streams from {@code primaryConninfo} (a libpq
     * connection string, e.g. {@code host=localhost port=5433 user=postgres}) through the slot.
     */
    public static void create(Connection primary, Path primaryDataDir, Path standbyDir, String primaryConninfo, String slot) {
        if (!slot.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException("A slot name is lower-case letters, digits and _: " + slot);
        }
        try (Statement sql = primary.createStatement()) {
            primary.setAutoCommit(true);
            try (ResultSet exists = sql.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
                exists.next();
                if (exists.getLong(1) > 0) {
                    sql.execute("SELECT pg_drop_replication_slot('" + slot + "')");
                }
            }
            sql.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
            sql.execute("SELECT pg_backup_start('dphub standby', true)");
            String label;
            try {
                copy(primaryDataDir, standbyDir);
            } finally {
                try (ResultSet stopped = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                    stopped.next();
                    label = stopped.getString(1);
                }
            }
            Files.writeString(standbyDir.resolve("backup_label"), label, StandardCharsets.UTF_8);
            Files.writeString(standbyDir.resolve("standby.signal"), "");
            Files.writeString(standbyDir.resolve("postgresql.auto.conf"), "\n# a hot standby (dphub Standby.create)\n"
                    + "primary_conninfo = '" + primaryConninfo.replace("'", "''") + "'\n"
                    + "primary_slot_name = '" + slot + "'\n"
                    + "hot_standby = on\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make a standby: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the data folder for a standby: " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                if (dir.getParent() != null && dir.getParent().equals(from) && EMPTIED.contains(dir.getFileName().toString())) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.getParent().equals(from) && LEFT_OUT.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException goneWhileCopying) {
                    // a file the server removed during the copy (a temporary file): the WAL replays what matters
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        // the data folder is the server's alone
        try {
            Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // not on Linux: nothing to set
        }
    }
}
