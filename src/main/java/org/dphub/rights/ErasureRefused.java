package org.dphub.rights;

import java.util.List;

/** Erasure refused, nothing changed: what must be settled first (message keys, e.g. {@code rights.block.balance}). */
public class ErasureRefused extends RuntimeException {

    private final List<String> settleFirst;

    public ErasureRefused(List<String> settleFirst) {
        super("Erasure refused: " + settleFirst);
        this.settleFirst = List.copyOf(settleFirst);
    }

    public List<String> settleFirst() {
        return settleFirst;
    }
}
