package nl.groningen.keukentafel.server;

/** A setting is missing, unknown or wrong; the message says which, where it was set, and why. */
final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
