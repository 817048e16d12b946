package dev.switchboard.connect.rules;

import dev.switchboard.core.testing.AlbHttpBridge;
import dev.switchboard.core.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser: Debian's headless Chromium loads it through an ALB stand-in that signs the
 * admin's token, so the CSP, the escaping and the layout are what a person gets. Screenshots go to
 * {@code target/screenshots/}. In CI a missing Chromium fails; locally it skips.
 */
class ConnectPageBrowserTest extends ConnectTestSupport {

    private static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void page_inChromium_showsRulesAndVerdictInEnglishAndJapanese() throws Exception {
        setLists(List.of("127.0.0.0/8", "2001:db8::/32"), List.of("127.0.0.99"));
        emu.seedAuthenticationProfile(INSTANCE, "office-profile", "<b>Office</b>", false);
        try (AlbHttpBridge bridge = AlbHttpBridge.start(0, headers -> Optional.of(token(ADMIN)),
                List.of(new AlbHttpBridge.Target("/connect", handler::handle)))) {
            String url = bridge.uri() + "/connect";

            HeadlessChromium.Page en = HeadlessChromium.render(url, SHOTS.resolve("connect-en.png"), 1000, 2600, "en-US,en");
            HeadlessChromium.Page ja = HeadlessChromium.render(url, SHOTS.resolve("connect-ja.png"), 1000, 2600, "ja,en;q=0.5");

            assertThat(en.text()).contains("Amazon Connect IP rules", "Allowed addresses", "Blocked addresses",
                    "127.0.0.0/8", "2001:db8::/32", "127.0.0.99", "Your current address", "127.0.0.1",
                    "Allowed by the entry 127.0.0.0/8", "blocked wins", "emergency admin login",
                    "<b>Office</b>");
            assertThat(en.dom()).doesNotContain("<b>Office</b>");
            assertThat(ja.text()).contains("Amazon Connect IP アクセス制限", "許可された IP", "ブロックされた IP",
                    "あなたの現在のアドレス", "許可: 許可対象 127.0.0.0/8 に含まれます。", "ブロックが優先",
                    "緊急管理者ログインには IP 制限は適用されません");
            assertThat(Files.size(en.screenshot())).isPositive();
            assertThat(Files.size(ja.screenshot())).isPositive();
        }
    }
}
