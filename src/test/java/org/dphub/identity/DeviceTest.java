package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The device a person sees on "Where you are signed in", from real browsers' User-Agent headers. */
class DeviceTest {

    @Test
    void commonBrowsersAndSystemsAreNamed() {
        assertThat(Device.from("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))
                .isEqualTo(new Device("Chrome", "Windows"));
        assertThat(Device.from("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"))
                .isEqualTo(new Device("Edge", "Windows"));
        assertThat(Device.from("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"))
                .isEqualTo(new Device("Safari", "Mac"));
        assertThat(Device.from("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo(new Device("Chrome", "iPhone"));
        assertThat(Device.from("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0 Mobile Safari/537.36"))
                .isEqualTo(new Device("Samsung Internet", "Android"));
        assertThat(Device.from("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).isEqualTo(new Device("Firefox", "Linux"));
    }

    @Test
    void whatIsNotKnownIsLeftUnnamed() {
        assertThat(Device.from(null)).isEqualTo(Device.UNKNOWN);
        assertThat(Device.from("  ")).isEqualTo(Device.UNKNOWN);
        assertThat(Device.from("curl/8.5.0")).isEqualTo(new Device(null, null));
        assertThat(Device.from("<script>alert(1)</script>")).as("nothing of the header itself is kept").isEqualTo(new Device(null, null));
    }
}
