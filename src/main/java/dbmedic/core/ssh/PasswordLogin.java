package dbmedic.core.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.Arrays;
import java.util.Optional;

/**
 * Password and keyboard-interactive login: the password is asked once per connection and
 * tried once, so a wrong one ends the login instead of looping until the server hangs up.
 * JSch takes the password as a String; it is dropped right after the attempt.
 */
final class PasswordLogin implements UserInfo, UIKeyboardInteractive {
    private final String user;
    private final String host;
    private final SshPrompts prompts;
    private final AuthTrail trail;
    private boolean asked;
    private char[] password;

    PasswordLogin(String user, String host, SshPrompts prompts, AuthTrail trail) {
        this.user = user;
        this.host = host;
        this.prompts = prompts;
        this.trail = trail;
    }

    private synchronized boolean askOnce() {
        if (asked) {
            clear();
            return false;
        }
        asked = true;
        Optional<char[]> p = prompts.password(user, host);
        if (p.isEmpty()) {
            trail.note("password", "none given");
            return false;
        }
        password = p.get();
        trail.note("password", "refused");
        return true;
    }

    @Override
    public boolean promptPassword(String message) {
        return askOnce();
    }

    @Override
    public synchronized String getPassword() {
        if (password == null) {
            return null;
        }
        String s = new String(password);
        trail.succeeded("password");
        return s;
    }

    @Override
    public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt,
                                              boolean[] echo) {
        if (prompt.length == 0) {
            return new String[0];
        }
        // One hidden prompt is the password; anything else (one-time codes) DB Medic cannot answer.
        if (prompt.length != 1 || echo[0] || !askOnce()) {
            return null;
        }
        return new String[] {getPassword()};
    }

    synchronized void clear() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public boolean promptYesNo(String message) {
        // Host keys are decided by KnownHostsCheck; nothing else is agreed to blindly.
        return false;
    }

    @Override
    public void showMessage(String message) {
        // Banners are not shown.
    }
}
