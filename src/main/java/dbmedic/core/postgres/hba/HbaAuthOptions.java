package dbmedic.core.postgres.hba;

import java.util.Map;
import java.util.Set;

/** Authentication options ({@code name=value} after the method), checked as parse_hba_auth_opt does. */
final class HbaAuthOptions {

    private static final Set<String> OPTION_NAMES = Set.of("map", "clientcert", "clientname", "pamservice",
            "pam_use_hostname", "ldapurl", "ldaptls", "ldapscheme", "ldapserver", "ldapport", "ldapbinddn",
            "ldapbindpasswd", "ldapsearchattribute", "ldapsearchfilter", "ldapbasedn", "ldapprefix", "ldapsuffix",
            "krb_realm", "include_realm", "compat_realm", "upn_username", "radiusservers", "radiussecrets",
            "radiusidentifiers", "radiusports");
    private static final Set<String> MAP_METHODS = Set.of("ident", "peer", "gss", "sspi", "cert");

    private HbaAuthOptions() {
    }

    private static String onlyValidFor(String option, String methods) {
        return "authentication option \"" + option + "\" is only valid for authentication methods " + methods;
    }

    /** C atoi: leading digits, 0 when there are none. */
    private static int atoi(String s) {
        String t = s.stripLeading();
        int i = (t.startsWith("-") || t.startsWith("+")) ? 1 : 0;
        int start = i;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && i - start < 9) {
            i++;
        }
        return i == start ? 0 : Integer.parseInt(t.substring(0, i));
    }

    /**
     * The end-of-line checks for ldap (built with OpenLDAP, as Linux packages are, so
     * ldapserver may be left to DNS) and radius.
     */
    static void checkMandatory(String method, Map<String, String> o) throws HbaLineError {
        if (method.equals("ldap")) {
            boolean simpleBind = o.containsKey("ldapprefix") || o.containsKey("ldapsuffix");
            boolean searchBind = o.containsKey("ldapbasedn") || o.containsKey("ldapbinddn")
                    || o.containsKey("ldapbindpasswd") || o.containsKey("ldapsearchattribute")
                    || o.containsKey("ldapsearchfilter");
            boolean hasBaseDn = o.containsKey("ldapbasedn") || ldapUrlHasDn(o.get("ldapurl"));
            if (simpleBind && searchBind) {
                throw new HbaLineError("cannot mix options for simple bind and search+bind modes");
            }
            if (!simpleBind && !hasBaseDn) {
                throw new HbaLineError("authentication method \"ldap\" requires argument \"ldapbasedn\", "
                        + "\"ldapprefix\", or \"ldapsuffix\" to be set");
            }
            if (o.containsKey("ldapsearchattribute") && o.containsKey("ldapsearchfilter")) {
                throw new HbaLineError("cannot use ldapsearchattribute together with ldapsearchfilter");
            }
        }
        if (method.equals("radius")) {
            for (String required : new String[] {"radiusservers", "radiussecrets"}) {
                if (!o.containsKey(required)) {
                    throw new HbaLineError("authentication method \"radius\" requires argument \"" + required
                            + "\" to be set");
                }
            }
        }
    }

    /** An ldapurl such as ldap://host/dc=example,dc=net carries the base DN after the host. */
    private static boolean ldapUrlHasDn(String url) {
        if (url == null) {
            return false;
        }
        int scheme = url.indexOf("://");
        int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (slash < 0) {
            return false;
        }
        String rest = url.substring(slash + 1);
        int q = rest.indexOf('?');
        return !(q >= 0 ? rest.substring(0, q) : rest).isEmpty();
    }

    /** The option checks of parse_hba_auth_opt that do not depend on server-side libraries. */
    static void check(ConnectionType type, String method, String name, String value) throws HbaLineError {
        if (!OPTION_NAMES.contains(name)) {
            throw new HbaLineError("unrecognized authentication option name: \"" + name + "\"");
        }
        switch (name) {
            case "map" -> {
                if (!MAP_METHODS.contains(method)) {
                    throw new HbaLineError("authentication option \"map\" is only valid for authentication methods "
                            + "ident, peer, gssapi, sspi, and cert");
                }
            }
            case "clientcert" -> {
                if (type != ConnectionType.HOSTSSL) {
                    throw new HbaLineError("clientcert can only be configured for \"hostssl\" rows");
                }
                if (!value.equals("verify-full") && !value.equals("verify-ca")) {
                    throw new HbaLineError("invalid value for clientcert: \"" + value + "\"");
                }
                if (method.equals("cert") && !value.equals("verify-full")) {
                    // pg_hba_file_rules wording; the log line says "clientcert only accepts ...".
                    throw new HbaLineError("clientcert can only be set to \"verify-full\" when using \"cert\" authentication");
                }
            }
            case "clientname" -> {
                if (type != ConnectionType.HOSTSSL) {
                    throw new HbaLineError("clientname can only be configured for \"hostssl\" rows");
                }
                if (!value.equals("CN") && !value.equals("DN")) {
                    throw new HbaLineError("invalid value for clientname: \"" + value + "\"");
                }
            }
            case "krb_realm", "include_realm" -> {
                if (!method.equals("gss") && !method.equals("sspi")) {
                    throw new HbaLineError(onlyValidFor(name, "gssapi and sspi"));
                }
            }
            case "compat_realm", "upn_username" -> {
                if (!method.equals("sspi")) {
                    throw new HbaLineError(onlyValidFor(name, "sspi"));
                }
            }
            default -> {
                String only = name.startsWith("ldap") ? "ldap" : name.startsWith("radius") ? "radius" : "pam";
                if (!method.equals(only)) {
                    throw new HbaLineError(onlyValidFor(name, only));
                }
                if (name.equals("ldapport") && atoi(value) == 0) {
                    throw new HbaLineError("invalid LDAP port number: \"" + value + "\"");
                }
            }
        }
    }
}
