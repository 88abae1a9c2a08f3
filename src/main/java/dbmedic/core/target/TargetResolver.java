package dbmedic.core.target;

/** Turns what the user gave (a path) into a target, or one clear line of why it cannot be used. */
public final class TargetResolver {
    private TargetResolver() {
    }

    public static Target resolve(String spec) throws UnusableInputException {
        throw new UnsupportedOperationException("not built yet");
    }
}
