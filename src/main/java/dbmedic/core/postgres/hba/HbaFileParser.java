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
                HbaRule r = parseLine(l, warning);
                if (warning[0] == null) {
                    r = withNumber(r, ++number);
                }
                rules.add(r);
            } catch (HbaLineError e) {
                ordered.add(new HbaProblem(l.file(), l.line(), e.getMessage(), true));
            }
        }
        // load_hba: a file without a single entry would lock everybody out, so it is refused.
        if (text.isPresent() && rules.isEmpty() && ordered.stream().noneMatch(HbaProblem::fatal)) {
            ordered.add(new HbaProblem(path, 0, "configuration file \"" + path + "\" contains no entries", true));
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
                    String err = includeFile(l, target, word.equals("include_if_exists"), depth + 1, out, logs);
                    if (err != null) {
                        out.add(errorLine(l, err));
                    }
                    continue;
                }
                if (word.equals("include_dir")) {
                    if (target.isBlank()) {
                        out.add(errorLine(l, "empty configuration directory name: \"" + target + "\""));
                        continue;
                    }
                    String dir = ServerPaths.resolveAgainstFile(target, file);
                    Optional<List<String>> confs = ServerPaths.confFilesInDir(files, dir);
                    if (confs.isEmpty()) {
                        out.add(errorLine(l, "could not open directory \"" + dir + "\""));
                        continue;
                    }
                    // Like the server: every file is tried, failures are reported together on this line.
                    List<String> errors = new ArrayList<>();
                    for (String f : confs.get()) {
                        String err = includeFile(l, f, false, depth + 1, out, logs);
                        if (err != null) {
                            errors.add(err);
                        }
                    }
                    if (!errors.isEmpty()) {
                        out.add(errorLine(l, String.join("\n", errors)));
                    }
                    continue;
                }
            }
            out.add(l);
        }
    }

    /** tokenize_include_file: the error for the include line, or null. */
    private String includeFile(HbaTokenizer.Line at, String name, boolean missingOk, int depth,
                               List<HbaTokenizer.Line> out, List<HbaProblem> logs) throws IOException {
        String full = ServerPaths.resolveAgainstFile(name, at.file());
        if (depth > MAX_DEPTH) {
            return "could not open file \"" + full + "\": maximum nesting depth exceeded";
        }
        Optional<String> text = files.read(full);
        if (text.isEmpty()) {
            if (missingOk) {
                logs.add(new HbaProblem(at.file(), at.line(), HbaMessages.skippingMissing(full), false));
                return null;
            }
            return "could not open file \"" + full + "\": No such file or directory";
        }
        expand(full, text.get(), depth, out, logs);
        return null;
    }

    private static HbaTokenizer.Line errorLine(HbaTokenizer.Line l, String error) {
        return new HbaTokenizer.Line(l.file(), l.line(), l.raw(), l.fields(), error);
    }

    /** parse_hba_line. */
    private HbaRule parseLine(HbaTokenizer.Line l, String[] warning) throws HbaLineError {
        List<List<HbaToken>> f = l.fields();
        int i = 0;
        List<HbaToken> typeField = f.get(i++);
        if (typeField.size() > 1) {
            throw new HbaLineError("multiple values specified for connection type");
        }
        String typeWord = typeField.get(0).text();
        ConnectionType type = ConnectionType.fromKeyword(typeWord)
                .orElseThrow(() -> new HbaLineError("invalid connection type \"" + typeWord + "\""));
        if (type == ConnectionType.HOSTSSL && !options.sslEnabled()) {
            warning[0] = "hostssl record cannot match because SSL is disabled";
        }
        if (type == ConnectionType.HOSTGSSENC && !options.gssSupported()) {
            warning[0] = "hostgssenc record cannot match because GSSAPI is not supported by this build";
        }

        if (i >= f.size()) {
            throw new HbaLineError("end-of-line before database specification");
        }
        List<HbaToken> databases = f.get(i++);
        checkRegexes(databases);
        if (i >= f.size()) {
            throw new HbaLineError("end-of-line before role specification");
        }
        List<HbaToken> users = f.get(i++);
        checkRegexes(users);

        HbaAddress address = null;
        if (type != ConnectionType.LOCAL) {
            if (i >= f.size()) {
                throw new HbaLineError("end-of-line before IP address specification");
            }
            List<HbaToken> addrField = f.get(i++);
            if (addrField.size() > 1) {
                throw new HbaLineError("multiple values specified for host address");
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
                        throw new HbaLineError("specifying both host name and CIDR mask is invalid: \"" + s + "\"");
                    }
                    address = new HbaAddress.HostName(host);
                } else if (slash >= 0) {
                    String bits = s.substring(slash + 1);
                    int max = ip.get().bitLength();
                    if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                        throw new HbaLineError("invalid CIDR mask in address \"" + s + "\"");
                    }
                    address = new HbaAddress.Range(ip.get(),
                            IpAddress.of(IpAddress.prefixMask(max, Integer.parseInt(bits))));
                } else {
                    if (i >= f.size()) {
                        throw new HbaLineError("end-of-line before netmask specification");
                    }
                    List<HbaToken> maskField = f.get(i++);
                    if (maskField.size() > 1) {
                        throw new HbaLineError("multiple values specified for netmask");
                    }
                    String m = maskField.get(0).text();
                    Optional<IpAddress> mask = IpAddress.tryParse(m);
                    if (mask.isEmpty()) {
                        throw new HbaLineError("invalid IP mask \"" + m + "\": Name or service not known");
                    }
                    if (mask.get().isIpv4() != ip.get().isIpv4()) {
                        throw new HbaLineError("IP address and mask do not match");
                    }
                    address = new HbaAddress.Range(ip.get(), mask.get());
                }
            }
        }

        if (i >= f.size()) {
            throw new HbaLineError("end-of-line before authentication method");
        }
        List<HbaToken> methodField = f.get(i++);
        if (methodField.size() > 1) {
            throw new HbaLineError("multiple values specified for authentication type");
        }
        String method = methodField.get(0).text();
        if (!METHODS.contains(method)) {
            throw new HbaLineError("invalid authentication method \"" + method + "\"");
        }
        if (NOT_IN_LINUX_BUILDS.contains(method)) {
            throw new HbaLineError("invalid authentication method \"" + method + "\": not supported by this build");
        }
        if (type == ConnectionType.LOCAL && method.equals("ident")) {
            method = "peer"; // the server's backwards-compatible rewrite
        }
        if (type == ConnectionType.LOCAL && method.equals("gss")) {
            throw new HbaLineError("gssapi authentication is not supported on local sockets");
        }
        if (type != ConnectionType.LOCAL && method.equals("peer")) {
            throw new HbaLineError("peer authentication is only supported on local sockets");
        }
        if (type != ConnectionType.HOSTSSL && method.equals("cert")) {
            throw new HbaLineError("cert authentication is only supported on hostssl connections");
        }

        Map<String, String> opts = new LinkedHashMap<>();
        for (; i < f.size(); i++) {
            for (HbaToken t : f.get(i)) {
                int eq = t.text().indexOf('=');
                if (eq < 0) {
                    throw new HbaLineError("authentication option not in name=value format: " + t.text());
                }
                String name = t.text().substring(0, eq);
                String value = t.text().substring(eq + 1);
                HbaAuthOptions.check(type, method, name, value);
                opts.put(name, value);
            }
        }
        HbaAuthOptions.checkMandatory(method, opts);
        return new HbaRule(0, l.file(), l.line(), l.raw(), type, List.copyOf(databases), List.copyOf(users),
                address, method, Map.copyOf(opts), warning[0]);
    }

    private void checkRegexes(List<HbaToken> tokens) throws HbaLineError {
        for (HbaToken t : tokens) {
            if (HbaRegex.isRegex(t, options.major())) {
                Optional<String> err = HbaRegex.compileError(t);
                if (err.isPresent()) {
                    throw new HbaLineError(err.get());
                }
            }
        }
    }
}
