package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of an allowed or blocked list: an IPv4 or IPv6 address or CIDR range, in its normalised form.
 * A range keeps only its network bits ({@code 10.1.2.3/16} becomes {@code 10.1.0.0/16}); a single address is
 * written without {@code /32} or {@code /128}, as the seed's examples write it, so one address has one spelling
 * and duplicates are found by comparing strings.
 *
 * @param value the normalised text sent to Connect
 * @param range the addresses the entry covers
 */
public record IpEntry(String value, IPAddress range) {

    /** Connect's {@code IpCidr} shape: 2 to 50 characters. */
    public static final int MAX_LENGTH = 50;

    /**
     * Plain dotted IPv4 and colon IPv6 with an optional prefix length; none of the library's other notations
     * (inet_aton {@code 10.1}, hex, binary, wildcards, ranges, masks, zones), which Connect would not take.
     * Leading zeros in a prefix length are refused by {@link #LEADING_ZERO_PREFIX}, not by the library: its
     * rule counts the {@code 0} of {@code /0} as a leading zero and so refused {@code 0.0.0.0/0} and {@code ::/0}.
     */
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
            .allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE).allow_inet_aton(false)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowPrefixLengthLeadingZeros(true)
            .allowBinary(false).allowPrefixesBeyondAddressSize(false).getParentBuilder()
            .getIPv6AddressParametersBuilder().allowZone(false).allowBase85(false).allowBinary(false)
            .allowPrefixLengthLeadingZeros(true).allowPrefixesBeyondAddressSize(false).getParentBuilder()
            .toParams();

    /** A prefix length with a leading zero ({@code /08}, {@code /00}); {@code /0} itself is fine. */
    private static final Pattern LEADING_ZERO_PREFIX = Pattern.compile(".*/0[0-9]+");

    /** The result of parsing what a person typed: the entry, and whether normalising changed it. */
    public record Parsed(IpEntry entry, String typed) {
        public boolean wasNormalised() {
            return !entry.value().equals(typed);
        }
    }

    /** Parses what a person or a command supplied; anything not a plain address or CIDR range is a 400 naming it. */
    public static Parsed parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new SwitchboardException(ConnectErrors.EMPTY_ENTRY);
        }
        String text = typed.trim();
        if (text.length() > MAX_LENGTH) {
            throw new SwitchboardException(ConnectErrors.ENTRY_TOO_LONG, shorten(text), MAX_LENGTH);
        }
        IPAddress address = strict(text);
        if (address == null) {
            throw new SwitchboardException(ConnectErrors.INVALID_ENTRY, shorten(text));
        }
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            // Connect compares IPv4 clients against IPv4 entries; a mapped form would silently never match.
            throw new SwitchboardException(ConnectErrors.IPV4_MAPPED_ENTRY, shorten(text));
        }
        return new Parsed(normalise(address), text);
    }

    /**
     * Reads an entry that is already stored in Connect (perhaps written by the CLI in another spelling).
     * Empty when we cannot read it; such an entry is kept as it is and shown as unreadable.
     */
    public static Optional<IpEntry> read(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        IPAddress address = strict(stored.trim());
        return address == null ? Optional.empty() : Optional.of(normalise(address));
    }

    /**
     * A single address to check. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is checked as the IPv4
     * address it carries, which is how a dual-stack listener would see that client.
     */
    public static IPAddress parseAddress(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new SwitchboardException(ConnectErrors.NO_ADDRESS);
        }
        String text = typed.trim();
        IPAddress address = text.length() > MAX_LENGTH ? null : strict(text);
        if (address == null) {
            throw new SwitchboardException(ConnectErrors.INVALID_ADDRESS, shorten(text));
        }
        Integer prefix = address.getNetworkPrefixLength();
        if (prefix != null && prefix != address.getBitCount()) {
            throw new SwitchboardException(ConnectErrors.ADDRESS_IS_RANGE, shorten(text));
        }
        return unmap(address.withoutPrefixLength());
    }

    /** The address or range {@code text} spells in the one notation we accept; null for anything else. */
    private static IPAddress strict(String text) {
        return LEADING_ZERO_PREFIX.matcher(text).matches() ? null : new IPAddressString(text, STRICT).getAddress();
    }

    /**
     * Whether the entry is {@code 0.0.0.0/0} or {@code ::/0}: every address of its family, as Connect matches it.
     * Allowed, it lets every such address in; blocked, it refuses every agent on that family.
     */
    public boolean wholeFamily() {
        return Integer.valueOf(0).equals(range.getNetworkPrefixLength());
    }

    /** For checks only: the IPv4 address inside an IPv4-mapped IPv6 address, else the address itself. */
    public static IPAddress unmap(IPAddress address) {
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            return address.toIPv6().getEmbeddedIPv4Address();
        }
        return address;
    }

    private static IpEntry normalise(IPAddress address) {
        Integer prefix = address.getNetworkPrefixLength();
        if (prefix == null || prefix == address.getBitCount()) {
            IPAddress single = address.withoutPrefixLength();
            return new IpEntry(single.toCanonicalString(), single);
        }
        IPAddress block = address.toPrefixBlock();
        return new IpEntry(block.toCanonicalString(), block);
    }

    public boolean contains(IPAddress address) {
        return range.contains(address);
    }

    /** Keeps error messages short even when someone pastes a page of text. */
    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
