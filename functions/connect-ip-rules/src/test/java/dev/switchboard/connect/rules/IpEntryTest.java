package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpEntryTest {

    @Test
    void parse_cidrWithHostBits_storesTheNetworkAndSaysSo() {
        IpEntry.Parsed parsed = IpEntry.parse("10.1.2.3/16");

        assertThat(parsed.entry().value()).isEqualTo("10.1.0.0/16");
        assertThat(parsed.wasNormalised()).isTrue();
        assertThat(parsed.typed()).isEqualTo("10.1.2.3/16");
    }

    @Test
    void parse_singleAddress_staysAsWrittenWithoutPrefix() {
        assertThat(IpEntry.parse("200.255.40.50").entry().value()).isEqualTo("200.255.40.50");
        assertThat(IpEntry.parse("200.255.40.50").wasNormalised()).isFalse();
        assertThat(IpEntry.parse(" 200.255.40.50/32 ").entry().value()).isEqualTo("200.255.40.50");
    }

    @Test
    void parse_ipv6_isCompressedAndLowerCased() {
        assertThat(IpEntry.parse("2001:DB8:0:0:0:0:0:1").entry().value()).isEqualTo("2001:db8::1");
        assertThat(IpEntry.parse("2001:db8:abcd:12::/48").entry().value()).isEqualTo("2001:db8:abcd::/48");
        assertThat(IpEntry.parse("2001:db8::1/128").entry().value()).isEqualTo("2001:db8::1");
    }

    @ParameterizedTest
    @CsvSource({"0.0.0.0/0, 0.0.0.0/0", "::/0, ::/0", "203.0.113.7/0, 0.0.0.0/0", "2001:db8::1/0, ::/0",
            "0:0:0:0:0:0:0:0/0, ::/0"})
    void parse_prefixLengthZero_isEveryAddressOfTheFamily(String typed, String stored) {
        IpEntry entry = IpEntry.parse(typed).entry();

        assertThat(entry.value()).isEqualTo(stored);
        assertThat(entry.wholeFamily()).isTrue();
        assertThat(IpEntry.read(typed)).contains(entry);
        assertThat(IpEntry.parse("10.0.0.0/8").entry().wholeFamily()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/00", "::/00", "10.0.0.0/08", "2001:db8::/032", "0.0.0.0/-0", "0.0.0.0/"})
    void parse_prefixLengthWithALeadingZero_isStillRefused(String typed) {
        assertThatThrownBy(() -> IpEntry.parse(typed)).isInstanceOf(SwitchboardException.class);
        assertThat(IpEntry.read(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.256", "10.0.0.0/33", "::g", "", "   ", "<script>alert(1)</script>",
            "123456789012345678901234567890123456789012345678901", "10.1", "1.2.3.4/255.0.0.0", "*", "1.2.3.0-255",
            "010.1.2.3", "10.0.0.0/08", "fe80::1%eth0", "0x0a.0.0.1", "2001:db8::/129", "::ffff:10.0.0.1",
            "10.0.0.1, 10.0.0.2"})
    void parse_notAPlainAddressOrCidr_isABadRequestNamingIt(String typed) {
        assertThatThrownBy(() -> IpEntry.parse(typed))
                .isInstanceOfSatisfying(SwitchboardException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    if (!typed.isBlank()) {
                        assertThat(e.userMessage()).contains(IpEntry.shorten(typed.trim()));
                    }
                });
    }

    @Test
    void parse_fiftyOneCharacters_isRefusedAsTooLong() {
        String typed = "2001:0db8:0000:0000:0000:0000:0000:0001/128" + "        ".replace(' ', '0');
        assertThat(typed).hasSize(51);
        assertThatThrownBy(() -> IpEntry.parse(typed)).hasMessageContaining("longer than 50");
    }

    @Test
    void parseAddress_range_isRefused() {
        assertThatThrownBy(() -> IpEntry.parseAddress("10.0.0.0/8")).hasMessageContaining("single address");
    }

    @Test
    void parseAddress_ipv4MappedIpv6_isCheckedAsIpv4() {
        assertThat(IpEntry.parseAddress("::ffff:192.0.2.1").toCanonicalString()).isEqualTo("192.0.2.1");
    }

    @Test
    void read_storedInAnotherSpelling_normalisesForComparison() {
        assertThat(IpEntry.read("10.1.2.3/32")).map(IpEntry::value).contains("10.1.2.3");
        assertThat(IpEntry.read("not an ip")).isEmpty();
    }
}
