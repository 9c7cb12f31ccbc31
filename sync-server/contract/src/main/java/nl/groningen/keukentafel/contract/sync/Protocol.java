package nl.groningen.keukentafel.contract.sync;

/** The protocol's fixed names and versions, shared by app and server. */
public final class Protocol {

    /** The header every sync request carries: the app's schema version. */
    public static final String SCHEMA_HEADER = "Keukentafel-Schema";
    /**
     * The schema version this build speaks. 2: push and pull answers name the server's epoch
     * ({@code server_epoch}) and sociale-kaart entries have a phone and website; a version 1 app
     * (release 0.1.0) reads its answers strictly, so the server leaves those fields out for it.
     * 3: a resident can be erased: pulls carry {@code resident_erased} and pushes can be answered
     * {@code erased}; older apps get {@code resident_moved} and {@code rejected} instead.
     */
    public static final int SCHEMA_VERSION = 3;
    /** The first schema whose answers carry {@code server_epoch}. */
    public static final int EPOCH_SCHEMA = 2;
    /** The first schema whose sociale-kaart entries carry {@code phone} and {@code website}; older apps get them without. */
    public static final int SOCIAL_MAP_CONTACT_SCHEMA = 2;
    /** The first schema that knows erasure: {@code resident_erased} in a pull, {@code erased} as a push's answer. */
    public static final int ERASURE_SCHEMA = 3;
    /** The oldest app schema the server still serves: release 0.1.0's, until every laptop has moved on. */
    public static final int OLDEST_SUPPORTED_SCHEMA = 1;

    /** Optional, on push and pull: the app's version, which the office sees beside the device. */
    public static final String APP_VERSION_HEADER = "Keukentafel-App-Version";
    /** Optional, on push and pull: how many changes the laptop's outbox still holds, for the office's device list. */
    public static final String WAITING_HEADER = "Keukentafel-Waiting-Changes";

    public static final String ENROL = "/api/v1/enrol";
    public static final String PUSH = "/api/v1/sync/push";
    public static final String PULL = "/api/v1/sync/pull";
    /** Reference data and the sociale kaart, for every enrolled laptop. */
    public static final String REFERENCE = "/api/v1/sync/reference";

    private Protocol() {
    }
}
