package dev.switchboard.vpn.portal;

import dev.switchboard.core.testing.AlbHttpBridge;
import dev.switchboard.core.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page as a real browser renders it (Debian's headless Chromium), through a local stand-in for the ALB
 * that signs a fresh token per request. Screenshots go to {@code target/screenshots/} for a person to look at.
 */
class PortalInBrowserTest extends PortalTestSupport {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private final AtomicReference<String> signedIn = new AtomicReference<>(EMPLOYEE);

    private AlbHttpBridge bridge() {
        return AlbHttpBridge.start(0, headers -> Optional.of(token(signedIn.get())),
                List.of(new AlbHttpBridge.Target("/", handler::handle)));
    }

    @Test
    void page_openedInEnglishOnADesktop_turnsOnAndSaysSo() {
        try (AlbHttpBridge alb = bridge()) {
            HeadlessChromium.Page page = HeadlessChromium.render(alb.uri() + "/", SHOTS.resolve("portal-en-turning-on.png"),
                    1280, 900, "en-US,en");

            assertThat(page.text()).contains("Company VPN", "Turning on…", "5–10 minutes", SUBNET_A + " (associating)",
                    "Turned on by", EMPLOYEE, "after 60 minutes with nobody connected", "Asia/Tokyo");
            assertThat(associationStates()).containsExactlyInAnyOrder(SUBNET_A + "=associating", SUBNET_C + "=associating");
        }
    }

    @Test
    void page_openedInJapaneseOnAPhone_saysReadyInJapanese() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "taro", "198.51.100.1");
        try (AlbHttpBridge alb = bridge()) {
            HeadlessChromium.Page page = HeadlessChromium.render(alb.uri() + "/", SHOTS.resolve("portal-ja-phone-ready.png"),
                    390, 844, "ja-JP,ja");

            assertThat(page.dom()).contains("lang=\"ja\"");
            assertThat(page.text()).contains("社内 VPN", "接続できます", "関連付け済み", "オンにした人", "接続中", "1 人");
        }
    }

    @Test
    void page_adminWithPeopleConnected_showsWhoWillBeCutAndTheConfirmedOffForm() {
        call(navigate("/", EMPLOYEE));
        emu.advanceClock(Duration.ofMinutes(10));
        emu.seedConnection(ENDPOINT, "cvpn-connection-1", "taro", "198.51.100.1");
        emu.seedConnection(ENDPOINT, "cvpn-connection-2", "hanako", "198.51.100.2");
        signedIn.set(ADMIN);
        try (AlbHttpBridge alb = bridge()) {
            HeadlessChromium.Page page = HeadlessChromium.render(alb.uri() + "/", SHOTS.resolve("portal-en-admin-ready.png"),
                    1280, 1000, "en-US,en");

            assertThat(page.text()).contains("Ready", "Administrator", "hanako", "taro",
                    "Turning the VPN off now ends 2 active connections.", "I understand", "Turn off now");
            assertThat(emu.callCount("DisassociateClientVpnTargetNetwork")).isZero();
        }
    }
}
