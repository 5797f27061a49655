package dev.catena.agents.toolkits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves a host name and keeps only the addresses the {@link AddressPolicy} allows, so OkHttp can
 * connect only to an address that was checked after resolution (a name that resolves to a private
 * address is refused, and so is a name whose records change between a check and the connection).
 */
final class GuardedDns implements Dns {

    /** The host resolves only to refused addresses. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final Dns resolver;
    private final AddressPolicy policy;

    GuardedDns(Dns resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> allowed = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (InetAddress address : resolver.lookup(host)) {
            String refusal = policy.refusal(host, address);
            if (refusal == null) {
                allowed.add(address);
            } else {
                refusals.add(refusal);
            }
        }
        if (allowed.isEmpty()) {
            throw new RefusedAddressException("refused: " + host + " resolves only to addresses that are not allowed ("
                    + String.join("; ", refusals) + ")");
        }
        return allowed;
    }
}
