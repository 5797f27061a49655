package dev.catena.agents.toolkits;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses the HTTP toolkit may connect to: public ones, plus hosts and ranges the user
 * allow-listed. Refused by default: loopback, link-local (with the cloud metadata address
 * 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7 with fd00:ec2::254), shared
 * carrier-grade NAT, unspecified, multicast, reserved and IPv4 addresses embedded in IPv6. (IPv4-mapped
 * IPv6 addresses such as {@code ::ffff:127.0.0.1} need no entry: the JDK turns them into the IPv4
 * address they carry.)
 */
final class AddressPolicy {

    private record Refused(AddressRange range, String why) { }

    private static final List<Refused> REFUSED = List.of(
            refused("169.254.169.254/32", "a cloud metadata address"),
            refused("fd00:ec2::254/128", "a cloud metadata address"),
            refused("0.0.0.0/8", "an unspecified address"),
            refused("127.0.0.0/8", "a loopback address"),
            refused("10.0.0.0/8", "a private address"),
            refused("172.16.0.0/12", "a private address"),
            refused("192.168.0.0/16", "a private address"),
            refused("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            refused("169.254.0.0/16", "a link-local address"),
            refused("192.0.0.0/24", "a reserved address"),
            refused("198.18.0.0/15", "a reserved address"),
            refused("224.0.0.0/4", "a multicast address"),
            refused("240.0.0.0/4", "a reserved or broadcast address"),
            refused("::/128", "an unspecified address"),
            refused("::1/128", "a loopback address"),
            refused("::/96", "an IPv4-compatible IPv6 address"),
            refused("64:ff9b::/96", "a NAT64 address"),
            refused("fc00::/7", "a private address"),
            refused("fe80::/10", "a link-local address"),
            refused("fec0::/10", "a site-local address"),
            refused("ff00::/8", "a multicast address"));

    private final Set<String> allowedHosts;
    private final List<AddressRange> allowedRanges;

    AddressPolicy(Set<String> allowedHosts, List<AddressRange> allowedRanges) {
        this.allowedHosts = allowedHosts;
        this.allowedRanges = List.copyOf(allowedRanges);
    }

    private static Refused refused(String cidr, String why) {
        return new Refused(AddressRange.parse(cidr), why);
    }

    boolean hostAllowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Why {@code host} may not be reached at {@code address}, or null when it may. */
    String refusal(String host, InetAddress address) {
        if (hostAllowed(host)) {
            return null;
        }
        for (AddressRange range : allowedRanges) {
            if (range.contains(address)) {
                return null;
            }
        }
        for (Refused r : REFUSED) {
            if (r.range().contains(address)) {
                return address.getHostAddress() + " is " + r.why();
            }
        }
        // The JDK's own classification catches what the table might miss (e.g. other multicast scopes).
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return address.getHostAddress() + " is not a public address";
        }
        return null;
    }
}
