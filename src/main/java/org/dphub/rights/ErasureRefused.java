package org.dphub.rights;

import java.util.List;

/**
 * Erasure refused, nothing changed: whom it was about and what must be settled first, as the one who
 * asked should read it. Staff read "We cannot erase this provider's data yet" and what "they" must
 * settle; a PA or provider leaving themself reads "You cannot leave the directory yet" and what "you"
 * must settle (each block's key with {@code .own}).
 */
public class ErasureRefused extends RuntimeException {

    private final String heading;
    private final List<String> settleFirst;

    /**
     * @param heading     the message key of the sentence that says so, e.g. {@code rights.error.pa-refused}
     * @param blocks      what to settle first (message keys, e.g. {@code rights.block.balance})
     * @param toThemself  the PA or provider asked for their own data: each block in its {@code .own} words
     */
    ErasureRefused(String heading, List<String> blocks, boolean toThemself) {
        super("Erasure refused: " + blocks);
        this.heading = heading;
        this.settleFirst = blocks.stream().distinct().map(k -> toThemself ? k + ".own" : k).toList();
    }

    /** The message key of that sentence: "We cannot erase this person's data yet. Settle these first:". */
    public String heading() {
        return heading;
    }

    /** What to settle first, as message keys in the words of the one who asked. */
    public List<String> settleFirst() {
        return settleFirst;
    }
}
