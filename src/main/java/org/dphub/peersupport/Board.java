package org.dphub.peersupport;

import java.util.Arrays;
import java.util.Optional;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;

/**
 * The two boards and who may use them. EMPLOYERS is national (people who employ PAs or hold a
 * direct payment learn most from each other, wherever they live — ILG's peer support), so each post
 * shows the poster's council area. PRACTITIONERS is one board per council (like Hertfordshire's
 * staff chat): staff talk about their own council's policies and people, so it stays inside the council.
 */
public enum Board {
    EMPLOYERS("employers"),
    PRACTITIONERS("practitioners");

    private final String slug;

    Board(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public boolean national() {
        return this == EMPLOYERS;
    }

    public static Optional<Board> fromSlug(String slug) {
        return Arrays.stream(values()).filter(b -> b.slug.equals(slug)).findFirst();
    }

    /** Who may read: employers and representatives (and the DP team, who moderate); the council's practitioners, budget holders and DP team. */
    public boolean mayRead(SignedInUser user) {
        if (user == null || user.councilId() == null) {
            return false;
        }
        return this == EMPLOYERS
                ? user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE) || user.has(Role.DP_TEAM)
                : user.has(Role.PRACTITIONER) || user.has(Role.BUDGET_HOLDER) || user.has(Role.DP_TEAM);
    }

    /** Who may ask, answer and say an answer helped: the board's own people (the DP team moderates the employers' board, and does not post there). */
    public boolean mayPost(SignedInUser user) {
        if (!mayRead(user)) {
            return false;
        }
        return this == PRACTITIONERS || user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE);
    }
}
