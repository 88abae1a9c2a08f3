package dbmedic.core.postgres.hba;

import dbmedic.core.postgres.conf.ServerFiles;
import dbmedic.core.postgres.conf.ServerPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads pg_hba.conf like the server (hba.c load_hba / parse_hba_line) for a given major
 * version: in 16+ include directives are expanded in place and {@code /regex} values exist;
 * in 14 and 15 the include words are just an invalid connection type. Every invalid line is
 * reported, with its file and line, as pg_hba_file_rules.error would show it.
 */
public final class HbaFileParser {

    /** CONF_FILE_MAX_DEPTH. */
    static final int MAX_DEPTH = 10;

    private static final Set<String> METHODS = Set.of("trust", "reject", "scram-sha-256", "md5", "password",
            "gss", "sspi", "ident", "peer", "ldap", "radius", "cert", "pam", "bsd");
    /** Methods a Linux server build cannot offer (Windows-only SSPI, OpenBSD-only BSD auth). */
    private static final Set<String> NOT_IN_LINUX_BUILDS = Set.of("sspi", "bsd");
    private static final Set<String> OPTION_NAMES = Set.of("map", "clientcert", "clientname", "pamservice",
            "pam_use_hostname", "ldapurl", "ldaptls", "ldapscheme", "ldapserver", "ldapport", "ldapbinddn",
            "ldapbindpasswd", "ldapsearchattribute", "ldapsearchfilter", "ldapbasedn", "ldapprefix", "ldapsuffix",
            "krb_realm", "include_realm", "compat_realm", "upn_username", "radiusservers", "radiussecrets",
            "radiusidentifiers", "radiusports");
    private static final Set<String> MAP_METHODS = Set.of("ident", "peer", "gss", "sspi", "cert");

    private final ServerFiles files;
    private final HbaOptions options;

    public HbaFileParser(ServerFiles files, HbaOptions options) {
        this.files = files;
        this.options = options;
    }

    /** Reads {@code hbaPath} (the server's absolute path) and everything it includes. */
    public HbaFile parse(String hbaPath) throws IOException {
        String path = ServerPaths.canonicalize(hbaPath);
        List<HbaTokenizer.Line> lines = new ArrayList<>();
        List<HbaProblem> problems = new ArrayList<>();
        Optional<String> text = files.read(path);
        if (text.isEmpty()) {
            problems.add(new HbaProblem(path, 0, "could not open file \"" + path + "\": No such file or directory", true));
        } else {
            expand(path, text.get(), 0, lines, problems);
        }
        List<HbaRule> rules = new ArrayList<>();
        List<HbaProblem> ordered = new ArrayList<>(problems);
        int number = 0;
        for (HbaTokenizer.Line l : lines) {
            if (l.error() != null) {
                ordered.add(new HbaProblem(l.file(), l.line(), l.error(), true));
                continue;
            }
            String[] warning = new String[1];
            try {
                HbaRule r = parseLine(l, warning, 0);
                if (warning[0] == null) {
                    r = withNumber(r, ++number);
                }
                rules.add(r);
            } catch (LineError e) {
                ordered.add(new HbaProblem(l.file(), l.line(), e.getMessage(), true));
            }
        }
        return new HbaFile(path, options, List.copyOf(rules), List.copyOf(ordered));
    }

    private static HbaRule withNumber(HbaRule r, int n) {
        return new HbaRule(n, r.file(), r.line(), r.rawLine(), r.type(), r.databases(), r.users(), r.address(),
                r.authMethod(), r.options(), r.warning());
    }

    /** tokenize_auth_file plus (16+) tokenize_include_file / include_dir handling. */
    private void expand(String file, String text, int depth, List<HbaTokenizer.Line> out, List<HbaProblem> logs)
            throws IOException {
        HbaTokenizer tokenizer = new HbaTokenizer(files, options.major());
        for (HbaTokenizer.Line l : tokenizer.tokenize(file, text, depth)) {
            if (options.hasIncludesAndRegex() && l.error() == null && l.fields().size() == 2) {
                String word = l.fields().get(0).get(0).text();
                String target = l.fields().get(1).get(0).text();
                if (word.equals("include") || word.equals("include_if_exists")) {
                    includeFile(l, target, word.equals("include_if_exists"), depth + 1, out, logs);
                    continue;
                }
                if (word.equals("include_dir")) {
                    String dir = ServerPaths.resolveAgainstFile(target, file);
                    Optional<List<String>> confs = ServerPaths.confFilesInDir(files, dir);
                    if (confs.isEmpty()) {
                        out.add(errorLine(l, "could not open directory \"" + dir + "\""));
                        continue;
                    }
                    for (String f : confs.get()) {
                        includeFile(l, f, false, depth + 1, out, logs);
                    }
                    continue;
                }
            }
            out.add(l);
        }
    }

    private void includeFile(HbaTokenizer.Line at, String name, boolean missingOk, int depth,
                             List<HbaTokenizer.Line> out, List<HbaProblem> logs) throws IOException {
        String full = ServerPaths.resolveAgainstFile(name, at.file());
        if (depth > MAX_DEPTH) {
            out.add(errorLine(at, "could not open file \"" + full + "\": maximum nesting depth exceeded"));
            return;
        }
        Optional<String> text = files.read(full);
        if (text.isEmpty()) {
            if (missingOk) {
                logs.add(new HbaProblem(at.file(), at.line(), "skipping missing authentication file \"" + full + "\"", false));
            } else {
                out.add(errorLine(at, "could not open file \"" + full + "\": No such file or directory"));
            }
            return;
        }
        expand(full, text.get(), depth, out, logs);
    }

    private static HbaTokenizer.Line errorLine(HbaTokenizer.Line l, String error) {
        return new HbaTokenizer.Line(l.file(), l.line(), l.raw(), l.fields(), error);
    }

    private static final class LineError extends Exception {
        LineError(String message) {
            super(message);
        }
    }

    /** parse_hba_line. */
    private HbaRule parseLine(HbaTokenizer.Line l, String[] warning, int unused) throws LineError {
        List<List<HbaToken>> f = l.fields();
        int i = 0;
        List<HbaToken> typeField = f.get(i++);
        if (typeField.size() > 1) {
            throw new LineError("multiple values specified for connection type");
        }
        String typeWord = typeField.get(0).text();
        ConnectionType type = ConnectionType.fromKeyword(typeWord)
                .orElseThrow(() -> new LineError("invalid connection type \"" + typeWord + "\""));
        if (type == ConnectionType.HOSTSSL && !options.sslEnabled()) {
            warning[0] = "hostssl record cannot match because SSL is disabled";
        }
        if (type == ConnectionType.HOSTGSSENC && !options.gssSupported()) {
            warning[0] = "hostgssenc record cannot match because GSSAPI is not supported by this build";
        }

        if (i >= f.size()) {
            throw new LineError("end-of-line before database specification");
        }
        List<HbaToken> databases = f.get(i++);
        checkRegexes(databases);
        if (i >= f.size()) {
            throw new LineError("end-of-line before role specification");
        }
        List<HbaToken> users = f.get(i++);
        checkRegexes(users);

        HbaAddress address = null;
        if (type != ConnectionType.LOCAL) {
            if (i >= f.size()) {
                throw new LineError("end-of-line before IP address specification");
            }
            List<HbaToken> addrField = f.get(i++);
            if (addrField.size() > 1) {
                throw new LineError("multiple values specified for host address");
            }
            HbaToken a = addrField.get(0);
            if (a.isKeyword("all")) {
                address = new HbaAddress.Any();
            } else if (a.isKeyword("samehost")) {
                address = new HbaAddress.SameHost();
            } else if (a.isKeyword("samenet")) {
                address = new HbaAddress.SameNet();
            } else {
                String s = a.text();
                int slash = s.indexOf('/');
                String host = slash >= 0 ? s.substring(0, slash) : s;
                Optional<IpAddress> ip = IpAddress.tryParse(host);
                if (ip.isEmpty()) {
                    if (slash >= 0) {
                        throw new LineError("specifying both host name and CIDR mask is invalid: \"" + s + "\"");
                    }
                    address = new HbaAddress.HostName(host);
                } else if (slash >= 0) {
                    String bits = s.substring(slash + 1);
                    int max = ip.get().bitLength();
                    if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                        throw new LineError("invalid CIDR mask in address \"" + s + "\"");
                    }
                    address = new HbaAddress.Range(ip.get(),
                            IpAddress.of(IpAddress.prefixMask(max, Integer.parseInt(bits))));
                } else {
                    if (i >= f.size()) {
                        throw new LineError("end-of-line before netmask specification");
                    }
                    List<HbaToken> maskField = f.get(i++);
                    if (maskField.size() > 1) {
                        throw new LineError("multiple values specified for netmask");
                    }
                    String m = maskField.get(0).text();
                    Optional<IpAddress> mask = IpAddress.tryParse(m);
                    if (mask.isEmpty()) {
                        throw new LineError("invalid IP mask \"" + m + "\": Name or service not known");
                    }
                    if (mask.get().isIpv4() != ip.get().isIpv4()) {
                        throw new LineError("IP address and mask do not match");
                    }
                    address = new HbaAddress.Range(ip.get(), mask.get());
                }
            }
        }

        if (i >= f.size()) {
            throw new LineError("end-of-line before authentication method");
        }
        List<HbaToken> methodField = f.get(i++);
        if (methodField.size() > 1) {
            throw new LineError("multiple values specified for authentication type");
        }
        String method = methodField.get(0).text();
        if (!METHODS.contains(method)) {
            throw new LineError("invalid authentication method \"" + method + "\"");
        }
        if (NOT_IN_LINUX_BUILDS.contains(method)) {
            throw new LineError("invalid authentication method \"" + method + "\": not supported by this build");
        }
        if (type == ConnectionType.LOCAL && method.equals("ident")) {
            method = "peer"; // the server's backwards-compatible rewrite
        }
        if (type == ConnectionType.LOCAL && method.equals("gss")) {
            throw new LineError("gssapi authentication is not supported on local sockets");
        }
        if (type != ConnectionType.LOCAL && method.equals("peer")) {
            throw new LineError("peer authentication is only supported on local sockets");
        }
        if (type != ConnectionType.HOSTSSL && method.equals("cert")) {
            throw new LineError("cert authentication is only supported on hostssl connections");
        }

        Map<String, String> opts = new LinkedHashMap<>();
        for (; i < f.size(); i++) {
            for (HbaToken t : f.get(i)) {
                int eq = t.text().indexOf('=');
                if (eq < 0) {
                    throw new LineError("authentication option not in name=value format: " + t.text());
                }
                String name = t.text().substring(0, eq);
                String value = t.text().substring(eq + 1);
                checkOption(type, method, name, value);
                opts.put(name, value);
            }
        }
        return new HbaRule(0, l.file(), l.line(), l.raw(), type, List.copyOf(databases), List.copyOf(users),
                address, method, Map.copyOf(opts), warning[0]);
    }

    private void checkRegexes(List<HbaToken> tokens) throws LineError {
        for (HbaToken t : tokens) {
            if (HbaRegex.isRegex(t, options.major())) {
                Optional<String> err = HbaRegex.compileError(t);
                if (err.isPresent()) {
                    throw new LineError(err.get());
                }
            }
        }
    }

    /** The option checks of parse_hba_auth_opt that do not depend on server-side libraries. */
    private static void checkOption(ConnectionType type, String method, String name, String value) throws LineError {
        if (!OPTION_NAMES.contains(name)) {
            throw new LineError("unrecognized authentication option name: \"" + name + "\"");
        }
        switch (name) {
            case "map" -> {
                if (!MAP_METHODS.contains(method)) {
                    throw new LineError("authentication option \"map\" is only valid for authentication methods "
                            + "ident, peer, gssapi, sspi, and cert");
                }
            }
            case "clientcert" -> {
                if (type != ConnectionType.HOSTSSL) {
                    throw new LineError("clientcert can only be configured for \"hostssl\" rows");
                }
                if (!value.equals("verify-full") && !value.equals("verify-ca")) {
                    throw new LineError("invalid value for clientcert: \"" + value + "\"");
                }
                if (method.equals("cert") && !value.equals("verify-full")) {
                    throw new LineError("clientcert only accepts \"verify-full\" when using \"cert\" authentication");
                }
            }
            case "clientname" -> {
                if (type != ConnectionType.HOSTSSL) {
                    throw new LineError("clientname can only be configured for \"hostssl\" rows");
                }
                if (!value.equals("CN") && !value.equals("DN")) {
                    throw new LineError("invalid value for clientname: \"" + value + "\"");
                }
            }
            default -> {
                String prefix = name.startsWith("ldap") ? "ldap" : name.startsWith("radius") ? "radius"
                        : name.startsWith("pam") ? "pam" : null;
                if (prefix != null && !method.equals(prefix)) {
                    throw new LineError("authentication option \"" + name
                            + "\" is only valid for authentication methods " + prefix);
                }
            }
        }
    }
}
