package org.dphub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostcodeDirectoryTest {

    /** The same CSV the directory reads, read independently here: sector -> [sector, lat, lon, postcodes]. */
    private static Map<String, String[]> csvLines;
    private static int dataLineCount;
    private static PostcodeDirectory directory;

    @BeforeAll
    static void load() throws IOException {
        List<String> lines;
        try (InputStream in = PostcodeDirectoryTest.class.getResourceAsStream(PostcodeDirectory.RESOURCE)) {
            assertThat(in).as("classpath copy of the sector list").isNotNull();
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
        assertThat(lines.get(0)).isEqualTo("sector,latitude,longitude,postcodes");
        List<String> data = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
        dataLineCount = data.size();
        csvLines = data.stream().map(l -> l.split(","))
                .collect(Collectors.toMap(cells -> cells[0], Function.identity()));
        directory = PostcodeDirectory.fromClasspath();
    }

    private static GeoPoint centreInCsv(String sector) {
        String[] cells = csvLines.get(sector);
        assertThat(cells).as("line for sector %s in the CSV", sector).isNotNull();
        return new GeoPoint(new BigDecimal(cells[1]), new BigDecimal(cells[2]));
    }

    /** A plain haversine, written independently of GeoPoint, mean Earth radius 6371.0088 km. */
    private static double haversineKm(GeoPoint a, GeoPoint b) {
        double r = 6371.0088;
        double phi1 = a.latitude().doubleValue() * Math.PI / 180;
        double phi2 = b.latitude().doubleValue() * Math.PI / 180;
        double dPhi = phi2 - phi1;
        double dLambda = (b.longitude().doubleValue() - a.longitude().doubleValue()) * Math.PI / 180;
        double s = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * r * Math.atan2(Math.sqrt(s), Math.sqrt(1 - s));
    }

    @Test
    void loadsEverySectorInTheShippedList() {
        assertThat(dataLineCount).isEqualTo(12_269);
        assertThat(csvLines).hasSize(dataLineCount); // no sector is listed twice
        assertThat(directory.size()).isEqualTo(dataLineCount);
    }

    @Test
    void centreOfASectorIsTheOnsCentroidFromTheFile() {
        GeoPoint expected = centreInCsv("CH7 1");
        assertThat(expected).isEqualTo(new GeoPoint(new BigDecimal("53.16597"), new BigDecimal("-3.14354")));
        assertThat(directory.centreOf(Postcode.parse("CH7 1XY"))).isEqualTo(expected);
        // any postcode in the same sector has the same centre
        assertThat(directory.centreOf(Postcode.parse("ch7 1aa"))).isEqualTo(expected);
    }

    @Test
    void findSectorCarriesThePostcodeCount() {
        var sector = directory.findSector(Postcode.parse("CH7 1XY")).orElseThrow();
        assertThat(sector.sector()).isEqualTo("CH7 1");
        assertThat(sector.postcodes()).isEqualTo(Integer.parseInt(csvLines.get("CH7 1")[3]));
    }

    @Test
    void distanceBetweenSectorsIsTheHaversineOfTheirCentres() {
        Postcode mold = Postcode.parse("CH7 1AA");
        Postcode shrewsbury = Postcode.parse("SY1 1AA");
        double expected = haversineKm(centreInCsv("CH7 1"), centreInCsv("SY1 1"));

        double km = directory.distanceKm(mold, shrewsbury);

        assertThat(km).isCloseTo(expected, within(1e-6));
        assertThat(km).isBetween(55.0, 70.0); // Mold to Shrewsbury, straight line
        assertThat(directory.distanceKm(shrewsbury, mold)).isCloseTo(km, within(1e-9));
    }

    @Test
    void londonToEdinburghIsAbout530Km() {
        double km = directory.distanceKm(Postcode.parse("SW1A 1AA"), Postcode.parse("EH1 1YZ"));
        assertThat(km).isCloseTo(haversineKm(centreInCsv("SW1A 1"), centreInCsv("EH1 1")), within(1e-6));
        assertThat(km).isBetween(515.0, 545.0);
    }

    @Test
    void distanceToItselfIsZero() {
        Postcode p = Postcode.parse("CH7 1XY");
        assertThat(directory.distanceKm(p, p)).isZero();
        assertThat(directory.distanceKm(p, Postcode.parse("CH7 1AA"))).isZero();
    }

    @Test
    void anUnknownSectorIsAnErrorThePersonCanFix() {
        Postcode unknown = Postcode.parse("ZZ9 9ZZ");
        assertThat(csvLines).doesNotContainKey("ZZ9 9");
        assertThat(directory.findSector(unknown)).isEmpty();

        assertThatThrownBy(() -> directory.centreOf(unknown))
                .isInstanceOfSatisfying(UnknownPostcodeSectorException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("postcode.error.unknown-sector");
                    assertThat(e.postcode()).isEqualTo(unknown);
                })
                .hasMessageContaining("ZZ9 9ZZ");
        assertThatThrownBy(() -> directory.distanceKm(Postcode.parse("CH7 1XY"), unknown))
                .isInstanceOf(UnknownPostcodeSectorException.class);
        assertThatThrownBy(() -> directory.distanceKm(unknown, Postcode.parse("CH7 1XY")))
                .isInstanceOf(UnknownPostcodeSectorException.class);
        assertThat(UnknownPostcodeSectorException.MESSAGE_KEY).isEqualTo("postcode.error.unknown-sector");
    }

    @Test
    void sectorsInDistrictAreOnlyThatDistrictSorted() {
        List<PostcodeDirectory.Sector> ch7 = directory.sectorsInDistrict("CH7");
        List<String> expected = csvLines.keySet().stream().filter(s -> s.startsWith("CH7 ")).sorted().toList();

        assertThat(expected).isNotEmpty();
        assertThat(ch7).extracting(PostcodeDirectory.Sector::sector).containsExactlyElementsOf(expected);
        assertThat(ch7).extracting(PostcodeDirectory.Sector::sector).isSorted().allMatch(s -> s.startsWith("CH7 "));
        assertThat(directory.sectorsInDistrict("ch7")).isEqualTo(ch7);
    }

    @Test
    void aShortDistrictDoesNotPickUpLongerOnes() {
        // "B3" must not return sectors of B33, B34, ...
        List<String> b3 = directory.sectorsInDistrict("B3").stream().map(PostcodeDirectory.Sector::sector).toList();
        assertThat(b3).isEqualTo(csvLines.keySet().stream().filter(s -> s.startsWith("B3 ")).sorted().toList());
        assertThat(b3).noneMatch(s -> s.startsWith("B33"));
        assertThat(directory.sectorsInDistrict("ZZ9")).isEmpty();
    }

    @Test
    void readsAFileWithAHeaderBlankLinesAndOptionalCount() throws IOException {
        PostcodeDirectory small = PostcodeDirectory.read(csv(
                "sector,latitude,longitude,postcodes\n"
                        + "ch7 1,53.16597,-3.14354,389\r\n"
                        + "\n"
                        + "SY1 1,52.70818,-2.75388\n"));
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.findSector(Postcode.parse("CH7 1XY")).orElseThrow().postcodes()).isEqualTo(389);
        assertThat(small.findSector(Postcode.parse("SY1 1AA")).orElseThrow().postcodes()).isZero();
        assertThat(small.centreOf(Postcode.parse("SY1 1AA")))
                .isEqualTo(new GeoPoint(new BigDecimal("52.70818"), new BigDecimal("-2.75388")));
    }

    @Test
    void aFileWithoutAHeaderIsRefused() {
        assertThatThrownBy(() -> PostcodeDirectory.read(csv("CH7 1,53.16597,-3.14354,389\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header").hasMessageContaining("line 1");
        assertThatThrownBy(() -> PostcodeDirectory.read(csv("sector,latitude,longitude,postcodes\nCH7 1,abc,-3.1,5\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PostcodeDirectory.read(csv("")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }

    @Test
    void aLineWithTooFewColumnsIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> PostcodeDirectory.read(csv(
                "sector,latitude,longitude,postcodes\n"
                        + "CH7 1,53.16597,-3.14354,389\n"
                        + "SY1 1,52.70818\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> PostcodeDirectory.read(csv(
                "sector,latitude,longitude,postcodes\n"
                        + "CH7 1\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void theDirectoryCannotBeChangedFromOutside() {
        List<PostcodeDirectory.Sector> ch7 = directory.sectorsInDistrict("CH7");
        assertThatThrownBy(ch7::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(directory.size()).isEqualTo(dataLineCount);
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
