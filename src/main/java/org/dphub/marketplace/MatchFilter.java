package org.dphub.marketplace;

import java.util.Optional;

/**
 * The hard filters of matching: a PA who fails one is never shown, whatever the score. Live
 * (checked and not suspended), visible (a PA who is happily employed can hide), every must-have
 * (a skill, a language, or for intimate care a woman or a man: a PA who did not give their gender
 * never matches such a vacancy), and within both the PA's travel radius and the vacancy's distance,
 * measured between postcode sector centres — never a home address. A distance exactly at a
 * limit is within it.
 *
 * <p>The database applies the same filters first (a box around the vacancy, array containment
 * for must-haves); this class decides, so a full scan and the indexed query agree.
 */
public final class MatchFilter {

    public enum Exclusion { NOT_LIVE, HIDDEN, MISSING_MUST_HAVE, BEYOND_PA_TRAVEL, BEYOND_VACANCY_DISTANCE }

    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE_LATITUDE = Math.PI * EARTH_RADIUS_KM / 180;

    private MatchFilter() {
    }

    public static Optional<Exclusion> exclusion(MatchWants wants, MatchOffer offer, double distanceKm) {
        if (offer.status() != PaProfileStatus.LIVE) {
            return Optional.of(Exclusion.NOT_LIVE);
        }
        if (!offer.visible()) {
            return Optional.of(Exclusion.HIDDEN);
        }
        if ((wants.mustSkillsMask() & ~offer.skillsMask()) != 0 || (wants.mustLanguagesMask() & ~offer.languagesMask()) != 0) {
            return Optional.of(Exclusion.MISSING_MUST_HAVE);
        }
        if (wants.mustGender() != null && wants.mustGender() != offer.gender()) {
            return Optional.of(Exclusion.MISSING_MUST_HAVE);
        }
        if (distanceKm > offer.travelKm()) {
            return Optional.of(Exclusion.BEYOND_PA_TRAVEL);
        }
        if (distanceKm > wants.maxDistanceKm()) {
            return Optional.of(Exclusion.BEYOND_VACANCY_DISTANCE);
        }
        return Optional.empty();
    }

    /** Great-circle distance (haversine) in kilometres, as {@link org.dphub.shared.GeoPoint} measures it. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dLat = p2 - p1;
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** A latitude/longitude box that holds every point within {@code km} of the centre (a little larger, never smaller). */
    public static Box boxAround(double latitude, double longitude, double km) {
        double dLat = km / KM_PER_DEGREE_LATITUDE * 1.01;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + dLat))));
        double dLon = km / (KM_PER_DEGREE_LATITUDE * cos) * 1.01;
        return new Box(latitude - dLat, longitude - dLon, latitude + dLat, longitude + dLon);
    }

    public record Box(double south, double west, double north, double east) {
    }
}
