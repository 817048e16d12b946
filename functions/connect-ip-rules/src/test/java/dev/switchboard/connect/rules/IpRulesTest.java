package dev.switchboard.connect.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 000's table, row by row: blocked wins; an empty allowed list lets everyone in. */
class IpRulesTest {

    private static List<String> list(String semicolonSeparated) {
        return semicolonSeparated == null || semicolonSeparated.isEmpty() ? List.of() : Arrays.asList(semicolonSeparated.split(";"));
    }

    @ParameterizedTest(name = "example {0}: {3} -> {4}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "1 | 111.222.0.0/16 |  | 111.222.0.0 | true | ALLOWED_BY_ENTRY | 111.222.0.0/16",
            "1 | 111.222.0.0/16 |  | 111.222.255.255 | true | ALLOWED_BY_ENTRY | 111.222.0.0/16",
            "1 | 111.222.0.0/16 |  | 111.223.0.1 | false | NOT_IN_ALLOWED_LIST | ",
            "2 |  | 155.155.155.0/24 | 155.155.155.0 | false | BLOCKED_BY_ENTRY | 155.155.155.0/24",
            "2 |  | 155.155.155.0/24 | 155.155.155.255 | false | BLOCKED_BY_ENTRY | 155.155.155.0/24",
            "2 |  | 155.155.155.0/24 | 155.155.156.1 | true | ALLOWED_LIST_EMPTY | ",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.10.77 | false | BLOCKED_BY_ENTRY | 200.255.10.0/24",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.40.50 | false | BLOCKED_BY_ENTRY | 200.255.40.50",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 200.255.40.51 | true | ALLOWED_BY_ENTRY | 200.255.0.0/16",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 192.123.211.211 | false | BLOCKED_BY_ENTRY | 192.123.211.211",
            "3 | 200.255.0.0/16 | 200.255.10.0/24;200.255.40.50;192.123.211.211 | 192.123.211.212 | false | NOT_IN_ALLOWED_LIST | ",
            "4 |  |  | 8.8.8.8 | true | ALLOWED_LIST_EMPTY | ",
            "4 |  |  | 2001:db8::1 | true | ALLOWED_LIST_EMPTY | ",
    })
    void evaluate_seedExamples_followTheTable(int example, String allowed, String blocked, String ip,
                                               boolean expected, IpRules.Reason reason, String entry) {
        IpRules.Verdict verdict = new IpRules(list(allowed), list(blocked)).evaluate(IpEntry.parseAddress(ip));

        assertThat(verdict.allowed()).isEqualTo(expected);
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.entry()).isEqualTo(entry);
    }

    @Test
    void evaluate_ipv6_blockedInsideAllowedRange_isRefused() {
        IpRules rules = new IpRules(List.of("2001:db8::/32"), List.of("2001:db8:bad::/48"));

        assertThat(rules.evaluate(IpEntry.parseAddress("2001:db8:1::5")).allowed()).isTrue();
        assertThat(rules.evaluate(IpEntry.parseAddress("2001:db8:bad::5")).reason())
                .isEqualTo(IpRules.Reason.BLOCKED_BY_ENTRY);
        assertThat(rules.evaluate(IpEntry.parseAddress("198.51.100.1")).reason())
                .isEqualTo(IpRules.Reason.NOT_IN_ALLOWED_LIST);
    }

    @Test
    void evaluate_ipv4MappedClient_matchesIpv4Entries() {
        IpRules rules = new IpRules(List.of("192.0.2.0/24"), List.of());

        assertThat(rules.evaluate(IpEntry.parseAddress("::ffff:192.0.2.9")).entry()).isEqualTo("192.0.2.0/24");
    }

    @Test
    void evaluate_storedEntryWithHostBits_isReadAsItsRange() {
        IpRules rules = new IpRules(List.of("10.1.2.3/16"), List.of());

        assertThat(rules.evaluate(IpEntry.parseAddress("10.1.200.1")).allowed()).isTrue();
    }

    @Test
    void evaluate_unreadableStoredEntry_matchesNothingAndIsReported() {
        IpRules rules = new IpRules(List.of("garbage"), List.of());

        assertThat(rules.evaluate(IpEntry.parseAddress("10.0.0.1")).allowed()).isFalse();
        assertThat(rules.unreadable()).containsExactly("garbage");
    }
}
