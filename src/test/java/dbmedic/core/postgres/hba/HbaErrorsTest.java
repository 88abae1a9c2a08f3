package dbmedic.core.postgres.hba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Invalid lines: pg_hba_file_rules.error text, file + line, and the file failing to load (postgres.md 1.10). */
class HbaErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hots all all all md5                    | invalid connection type \"hots\"",
        "host,local all all all md5              | multiple values specified for connection type",
        "host                                    | end-of-line before database specification",
        "host all                                | end-of-line before role specification",
        "host all all                            | end-of-line before IP address specification",
        "host all all 10.0.0.0/8                 | end-of-line before authentication method",
        "host all all 10.0.0.0                   | end-of-line before netmask specification",
        "host all all 10.0.0.0/33 md5            | invalid CIDR mask in address \"10.0.0.0/33\"",
        "host all all ::1/129 md5                | invalid CIDR mask in address \"::1/129\"",
        "host all all 10.0.0.0/x md5             | invalid CIDR mask in address \"10.0.0.0/x\"",
        "host all all db.example.com/24 md5      | specifying both host name and CIDR mask is invalid: \"db.example.com/24\"",
        "host all all 10.0.0.0 ffff:: md5        | IP address and mask do not match",
        "host all all 10.0.0.0,10.1.0.0/16 md5   | multiple values specified for host address",
        "host all all all bogusmethod            | invalid authentication method \"bogusmethod\"",
        "host all all all MD5                    | invalid authentication method \"MD5\"",
        "host all all all md5,trust              | multiple values specified for authentication type",
        "host all all all sspi                   | invalid authentication method \"sspi\": not supported by this build",
        "host all all all peer                   | peer authentication is only supported on local sockets",
        "local all all gss                       | gssapi authentication is not supported on local sockets",
        "host all all all cert                   | cert authentication is only supported on hostssl connections",
        "host all all all md5 clientcert         | authentication option not in name=value format: clientcert",
        "host all all all md5 foo=bar            | unrecognized authentication option name: \"foo\"",
        "host all all all md5 map=x              | authentication option \"map\" is only valid for authentication methods ident, peer, gssapi, sspi, and cert",
        "host all all all md5 clientcert=verify-ca | clientcert can only be configured for \"hostssl\" rows",
        "hostssl all all all md5 clientcert=1    | invalid value for clientcert: \"1\"",
        "hostssl all all all cert clientcert=verify-ca | clientcert can only be set to \"verify-full\" when using \"cert\" authentication",
        "hostssl all all all md5 clientname=UID | invalid value for clientname: \"UID\"",
        "host all all all md5 clientname=CN     | clientname can only be configured for \"hostssl\" rows",
        "host all all all md5 krb_realm=X       | authentication option \"krb_realm\" is only valid for authentication methods gssapi and sspi",
        "host all all all gss compat_realm=1    | authentication option \"compat_realm\" is only valid for authentication methods sspi",
        "host all all all md5 pamservice=x      | authentication option \"pamservice\" is only valid for authentication methods pam",
        "host all all all ldap ldapserver=x     | authentication method \"ldap\" requires argument \"ldapbasedn\", \"ldapprefix\", or \"ldapsuffix\" to be set",
        "host all all all ldap ldapprefix=cn= ldapbasedn=dc=x | cannot mix options for simple bind and search+bind modes",
        "host all all all ldap ldapbasedn=dc=x ldapsearchattribute=uid ldapsearchfilter=(uid=$username) | cannot use ldapsearchattribute together with ldapsearchfilter",
        "host all all all ldap ldapbasedn=dc=x ldapport=abc | invalid LDAP port number: \"abc\"",
        "host all all all radius radiussecrets=s | authentication method \"radius\" requires argument \"radiusservers\" to be set",
        "host all all all radius radiusservers=r | authentication method \"radius\" requires argument \"radiussecrets\" to be set",
        "host all all all md5 ldapserver=x       | authentication option \"ldapserver\" is only valid for authentication methods ldap",
        "local all all 127.0.0.1/32 trust        | invalid authentication method \"127.0.0.1/32\"",
    })
    void malformedLineIsReportedWithFileAndLineAndTheFileDoesNotLoad(String line, String error) {
        HbaFile f = Hba.load(17, "# header\nlocal all all trust\n" + line + "\nhost all all all md5\n");
        assertFalse(f.loadable());
        assertEquals(1, f.errors().size(), f.errors().toString());
        HbaProblem p = f.errors().get(0);
        assertEquals(error, p.message());
        assertEquals(3, p.line());
        assertEquals(Hba.PATH, p.file());
        assertEquals("line 3 of configuration file \"" + Hba.PATH + "\"", p.context());
        // The good lines around it still parse (the server reports them all), but none is in force.
        assertEquals(2, f.rules().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"include", "include_if_exists", "include_dir"})
    void includeWordsAreInvalidConnectionTypesBefore16(String word) {
        for (int major : new int[] {14, 15}) {
            HbaFile f = Hba.load(major, "local all all trust\n" + word + " extra.conf\nhost all all all md5\n");
            assertFalse(f.loadable());
            assertEquals("invalid connection type \"" + word + "\"", f.errors().get(0).message());
            assertEquals(2, f.errors().get(0).line());
        }
    }

    @Test
    void loadFailureMessagesDifferBetween15And16() {
        HbaFile f15 = Hba.load(15, "bogus\n");
        HbaFile f16 = Hba.load(16, "bogus\n");
        assertEquals("could not load pg_hba.conf", f15.startFailureMessage());
        assertEquals("pg_hba.conf was not reloaded", f15.reloadFailureMessage());
        assertEquals("could not load " + Hba.PATH, f16.startFailureMessage());
        assertEquals(Hba.PATH + " was not reloaded", f16.reloadFailureMessage());
    }

    @Test
    void everyBadLineIsReported() {
        HbaFile f = Hba.load(16, "bogus1 all all all md5\nhost all all all md5\nhost all all 1.2.3.4/40 md5\n");
        assertEquals(2, f.errors().size());
        assertEquals(1, f.errors().get(0).line());
        assertEquals(3, f.errors().get(1).line());
    }

    @Test
    void hostsslWithSslOffLoadsWithAWarningAndNeverMatches() {
        String text = "hostssl all all all scram-sha-256\nhost all all all md5\n";
        HbaFile off = Hba.load(16, text);
        assertTrue(off.loadable());
        HbaRule r = off.rules().get(0);
        assertEquals("hostssl record cannot match because SSL is disabled", r.warning());
        assertEquals(0, r.ruleNumber());
        assertEquals(1, off.rules().get(1).ruleNumber());
        assertEquals(2, Hba.line(off, Hba.tcp("10.0.0.1", "d", "u")));

        HbaFile on = Hba.load(HbaOptions.docker(16).withSsl(true), new dbmedic.core.postgres.conf.MemoryServerFiles()
                .file(Hba.PATH, text));
        assertNull(on.rules().get(0).warning());
        assertEquals(1, Hba.line(on, Hba.tcp("10.0.0.1", "d", "u").withSsl(true)));
        assertEquals(2, Hba.line(on, Hba.tcp("10.0.0.1", "d", "u")));
    }

    @Test
    void hostgssencWithoutGssapiBuildNeverMatches() {
        HbaFile f = Hba.load(HbaOptions.docker(16).withGss(false), new dbmedic.core.postgres.conf.MemoryServerFiles()
                .file(Hba.PATH, "hostgssenc all all all md5\n"));
        assertTrue(f.loadable());
        assertEquals("hostgssenc record cannot match because GSSAPI is not supported by this build",
                f.rules().get(0).warning());
        assertFalse(Hba.match(f, Hba.tcp("10.0.0.1", "d", "u").withGssEncryption(true)).matched());
    }

    @Test
    void invalidRegexIsAnErrorIn16ButALiteralNameIn15() {
        String text = "host /^(immich all all md5\n";
        HbaFile f16 = Hba.load(16, text);
        assertFalse(f16.loadable());
        assertTrue(f16.errors().get(0).message().startsWith("invalid regular expression \"^(immich\": "));
        HbaFile f15 = Hba.load(15, text);
        assertTrue(f15.loadable());
        assertEquals("/^(immich", f15.rules().get(0).databases().get(0).text());
    }

    @Test
    void validLdapAndRadiusLinesLoad() {
        HbaFile f = Hba.load(16, """
                host all all all ldap ldapserver=ldap.example.net ldapbasedn="dc=example, dc=net" ldapsearchattribute=uid
                host all all all ldap ldapurl="ldap://ldap.example.net/dc=example,dc=net?uid?sub"
                host all all all radius radiusservers=10.0.0.1 radiussecrets=secret
                host all all all gss include_realm=0 krb_realm=EXAMPLE.COM
                """);
        assertTrue(f.loadable(), f.problems().toString());
    }

    @Test
    void fileWithoutEntriesCannotLoad() {
        HbaFile f = Hba.load(16, "# only comments\n\n");
        assertFalse(f.loadable());
        assertEquals("configuration file \"" + Hba.PATH + "\" contains no entries", f.errors().get(0).message());
        // With a bad line the server reports only that line.
        HbaFile bad = Hba.load(16, "bogus\n");
        assertEquals(1, bad.errors().size());
    }

    @Test
    void missingFileCannotLoad() {
        HbaFile f = Hba.load(HbaOptions.docker(16), new dbmedic.core.postgres.conf.MemoryServerFiles());
        assertFalse(f.loadable());
        assertEquals("could not open file \"" + Hba.PATH + "\": No such file or directory", f.errors().get(0).message());
    }
}
