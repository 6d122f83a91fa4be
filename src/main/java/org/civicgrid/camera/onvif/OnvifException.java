package org.civicgrid.camera.onvif;

/** ONVIF 调用失败 — a call to a camera failed; {@link #kind()} says whether to fix the password, the address or the camera. */
public class OnvifException extends RuntimeException {

    /** Why the call failed, so the UI can say what to do. */
    public enum Kind {
        /** The camera refused the user name or password (ter:NotAuthorized, HTTP 401). */
        NOT_AUTHORIZED,
        /** The camera did not answer (connection refused, timeout, DNS). */
        UNREACHABLE,
        /** The camera answered with a SOAP fault or something that is not ONVIF. */
        FAULT
    }

    private final Kind kind;

    public OnvifException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OnvifException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The call was cut short by our own thread's interruption (a stop), not by the camera: the camera may well still
     * hold the subscription, so it must still be freed.
     */
    public boolean interrupted() {
        return getCause() instanceof InterruptedException;
    }

    static OnvifException notAuthorized() {
        return new OnvifException(Kind.NOT_AUTHORIZED, "the camera refused the user name or password (wrong user name or password)");
    }
}
