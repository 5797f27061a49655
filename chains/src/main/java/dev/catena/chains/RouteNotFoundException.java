package dev.catena.chains;

import dev.catena.core.CatenaException;
import java.util.List;

/**
 * A {@link RouterChain} chose a destination it does not have (or the default, when none is set).
 * The message names the destination and the routes there are; set a default chain to catch these.
 */
public class RouteNotFoundException extends CatenaException {

    /** The destination the router chose. */
    private final String destination;

    /**
     * For a destination that is not among {@code routes}.
     *
     * @param destination the destination the router chose
     * @param routes the destinations the router has
     */
    public RouteNotFoundException(String destination, List<String> routes) {
        super("the router chose the destination '" + destination + "', which is not a route " + routes
                + ", and no default chain is set; add the route or set defaultChain(...)");
        this.destination = destination;
    }

    /**
     * The destination the router chose.
     *
     * @return the destination name, as the router chain read it
     */
    public String destination() {
        return destination;
    }
}
