package org.dphub.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the application is killed (even with {@code kill -9}) its embedded PostgreSQL keeps
 * running and holds the data folder. Before starting again we stop that old postmaster with a
 * fast shutdown, so the data is flushed and nothing is lost.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return; // a stale pid file alone: PostgreSQL cleans it up itself
        }
        log.warn("Stopping PostgreSQL (pid {}) left running by an earlier run that did not shut down", pid);
        try {
            // SIGINT = PostgreSQL "fast" shutdown: ends sessions, writes a checkpoint, exits
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            ProcessHandle handle = process.get();
            if (!waitForExit(handle, Duration.ofSeconds(60))) {
                log.warn("PostgreSQL pid {} did not stop in 60 s; sending SIGQUIT", pid);
                new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
                waitForExit(handle, Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the old PostgreSQL", e);
        }
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !handle.isAlive();
    }
}
