package org.dphub.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Centres of UK postcode sectors (ONS National Statistics Postcode Lookup, May 2025, Open
 * Government Licence v3.0; see the data attribution page). Read-only reference data, loaded
 * once from the classpath.
 */
public final class PostcodeDirectory {

    public static final String RESOURCE = "/reference/uk-postcode-sectors.csv";

    public record Sector(String sector, GeoPoint centre, int postcodes) {
    }

    private final Map<String, Sector> sectors;

    private PostcodeDirectory(Map<String, Sector> sectors) {
        this.sectors = Collections.unmodifiableMap(sectors);
    }

    /** The directory from the copy shipped in the application's resources. */
    public static PostcodeDirectory fromClasspath() {
        try (InputStream in = PostcodeDirectory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Postcode sector data is missing from the classpath: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads "sector,latitude,longitude,postcodes" lines with a header row. */
    public static PostcodeDirectory read(InputStream csv) throws IOException {
        Map<String, Sector> sectors = new HashMap<>(16_384);
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !header.startsWith("sector,latitude,longitude")) {
                throw new IOException("Postcode sector file line 1 is not the header 'sector,latitude,longitude,postcodes'");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length < 3) {
                    throw new IOException("Postcode sector file line " + lineNumber + " has fewer than 3 columns");
                }
                String sector = cells[0].strip().toUpperCase(java.util.Locale.ROOT);
                try {
                    int count = cells.length > 3 ? Integer.parseInt(cells[3].strip()) : 0;
                    sectors.put(sector, new Sector(sector,
                            new GeoPoint(new BigDecimal(cells[1].strip()), new BigDecimal(cells[2].strip())), count));
                } catch (NumberFormatException e) {
                    throw new IOException("Postcode sector file line " + lineNumber + " has a number that cannot be read: " + line, e);
                }
            }
        }
        return new PostcodeDirectory(sectors);
    }

    public Optional<Sector> findSector(Postcode postcode) {
        return Optional.ofNullable(sectors.get(postcode.sector()));
    }

    /** The centre of the postcode's sector; an unknown sector is an error the person can fix. */
    public GeoPoint centreOf(Postcode postcode) {
        return findSector(postcode).map(Sector::centre)
                .orElseThrow(() -> new UnknownPostcodeSectorException(postcode));
    }

    /** Kilometres between the centres of the two postcodes' sectors. */
    public double distanceKm(Postcode from, Postcode to) {
        return centreOf(from).distanceKmTo(centreOf(to));
    }

    /** Every known sector whose name starts with an outward code such as "CH7". */
    public List<Sector> sectorsInDistrict(String outwardCode) {
        String prefix = outwardCode.toUpperCase(java.util.Locale.ROOT) + " ";
        return sectors.values().stream()
                .filter(s -> s.sector().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(Sector::sector))
                .toList();
    }

    public int size() {
        return sectors.size();
    }
}
