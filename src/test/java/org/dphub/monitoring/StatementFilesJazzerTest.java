package org.dphub.monitoring;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the statement readers with Jazzer (issue 17), beside the random
 * breaking of {@link StatementFilesFuzzTest}: Jazzer watches which branches of the readers each
 * file reaches and keeps changing the files that reach new ones, and its own detectors look for
 * XML external entities, reading files and the like while it does. Same oracle: each file is read
 * whole with real transactions or refused naming lines that are in it, within 5 seconds; anything
 * else fails.
 *
 * <p>In the ordinary test run each method replays the files kept in
 * {@code src/test/resources/org/dphub/monitoring/StatementFilesJazzerTestInputs/<method>}: the good
 * files and whatever fuzzing found before. {@code bin/fuzz} fuzzes for a while ({@code JAZZER_FUZZ=1});
 * a file that breaks a reader is written into that folder, so it is replayed ever after.
 */
class StatementFilesJazzerTest {

    @FuzzTest(maxDuration = "60s")
    void csvStatement(byte[] file) {
        StatementFilesFuzzTest.check(file, () -> StatementFilesFuzzTest.csv(file, false));
    }

    @FuzzTest(maxDuration = "60s")
    void providerFile(byte[] file) {
        StatementFilesFuzzTest.check(file, () -> StatementFilesFuzzTest.csv(file, true));
    }

    @FuzzTest(maxDuration = "60s")
    void camt053Statement(byte[] file) {
        StatementFilesFuzzTest.check(file, () -> StatementFilesFuzzTest.camt(file));
    }
}
