package nl.groningen.keukentafel.app.store.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Our PBKDF2 must give the JDK's key bit for bit: every coach's existing file is wrapped under it. */
class Pbkdf2Test {

    @Test
    void matchesThePublishedTestVector() {
        // PBKDF2-HMAC-SHA256, P = "password", S = "salt", c = 1 and 4096 (RFC 7914's companions, as widely published).
        assertEquals("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b",
                HexFormat.of().formatHex(Pbkdf2.sha256("password".toCharArray(), "salt".getBytes(), 1)));
        assertEquals("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
                HexFormat.of().formatHex(Pbkdf2.sha256("password".toCharArray(), "salt".getBytes(), 4096)));
    }

    /** The tests run with the option the packaged app has (jvm.options): the fast path is the one tested. */
    @Test
    void runsOnTheJdksBlockFunctionWhenTheJvmOpensIt() {
        assertTrue(Sha256Block.available(), "surefire's argLine should have " + Sha256Block.OPEN_OPTION);
        assertTrue(Pbkdf2.usesBlockFunction());
    }

    @ParameterizedTest
    @CsvSource({
            "keukentafel, 1",
            "keukentafel, 2",
            "keukentafel, 3",
            "keukentafel, 1000",
            "Één über-sterk wachtwoord ✓ 🔑, 777",
            "dit wachtwoord is langer dan vierenzestig tekens en wordt dus eerst zelf gehasht door HMAC, 300",
            "precies vierenzestig tekens lang is dit wachtwoord hier nu toch!, 50",
    })
    void givesTheJdksKeyOnEitherPath(String password, int rounds) throws Exception {
        byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, 256);
        byte[] jdk = SecretKeyFactory.getInstance(Keyring.PBKDF2).generateSecret(spec).getEncoded();

        assertArrayEquals(jdk, Pbkdf2.sha256(password.toCharArray(), salt, rounds));
        assertArrayEquals(jdk, Pbkdf2.sha256(password.toCharArray(), salt, rounds, true), "block function");
        assertArrayEquals(jdk, Pbkdf2.sha256(password.toCharArray(), salt, rounds, false), "MessageDigest");
    }
}
