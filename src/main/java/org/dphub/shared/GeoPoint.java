package org.dphub.shared;

import java.math.BigDecimal;

/** A latitude and longitude (WGS84) in decimal degrees, as the ONS publishes centroids. */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance (haversine) in kilometres. Distances are not money: double is fine. */
    public double distanceKmTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude.doubleValue());
        double lat2 = Math.toRadians(other.latitude.doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude.doubleValue() - longitude.doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
