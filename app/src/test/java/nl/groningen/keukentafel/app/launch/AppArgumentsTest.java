package nl.groningen.keukentafel.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A start of the window reads its options without picocli, and reads them exactly as picocli does. */
class AppArgumentsTest {

    static Stream<Arguments> plainStarts() {
        return Stream.of(
                Arguments.of((Object) new String[0]),
                Arguments.of((Object) new String[] {"--demo"}),
                Arguments.of((Object) new String[] {"--demo", "--data-dir", "/tmp/demo map"}),
                Arguments.of((Object) new String[] {"--data-dir=/tmp/x", "--lang", "en", "--lock-after-minutes=12"}),
                Arguments.of((Object) new String[] {"--server", "https://sync.groningen.nl:8443/a=b", "--enrolment-code", "K7-Q2"}),
                Arguments.of((Object) new String[] {"--server=https://sync.groningen.nl/?x=1", "--enrolment-code=ABC", "--demo"}),
                Arguments.of((Object) new String[] {"--lock-after-minutes", "0", "--lang=nl"}));
    }

    @ParameterizedTest
    @MethodSource("plainStarts")
    void readsAPlainStartWithoutPicocliAsPicocliDoes(String[] args) {
        AppArguments quick = AppArguments.readQuickly(args);
        AppArguments picocli = AppArguments.readWithPicocli(args);

        assertThat(quick).as("read without picocli").isNotNull();
        assertThat(picocli).as("read by picocli").isNotNull();
        assertThat(describe(quick)).isEqualTo(describe(picocli));
    }

    static Stream<Arguments> otherForms() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--help"}),
                Arguments.of((Object) new String[] {"-V"}),
                Arguments.of((Object) new String[] {"status", "--user", "sanne"}),
                Arguments.of((Object) new String[] {"--data-dir", "/tmp/x", "export", "--user", "sanne"}),
                Arguments.of((Object) new String[] {"--lang"}),
                Arguments.of((Object) new String[] {"--lang", "--demo"}),
                Arguments.of((Object) new String[] {"--lang", "en", "--lang", "nl"}),
                Arguments.of((Object) new String[] {"--lock-after-minutes", "vijf"}),
                Arguments.of((Object) new String[] {"--lock-after-minutes", "-5"}),
                Arguments.of((Object) new String[] {"--demo=true"}),
                Arguments.of((Object) new String[] {"--data-dir="}),
                Arguments.of((Object) new String[] {"@options.txt"}),
                Arguments.of((Object) new String[] {"--", "--demo"}),
                Arguments.of((Object) new String[] {"--bogus"}));
    }

    /** Whatever is not plain goes to picocli: read there, or refused there with picocli's message. */
    @ParameterizedTest
    @MethodSource("otherForms")
    void leavesEveryOtherFormToPicocli(String[] args) {
        assertThat(AppArguments.readQuickly(args)).isNull();
    }

    @Test
    void theDefaultsAreTheOnesTheHelpShows() {
        assertThat(describe(AppArguments.readQuickly())).isEqualTo(describe(AppArguments.readWithPicocli()))
                .contains("language=nl", "lockAfterMinutes=5");
    }

    @Test
    void aHeadlessCommandOrHelpIsNotAStartOfTheWindow() {
        assertThat(AppArguments.of("status", "--user", "sanne")).isNull();
        assertThat(AppArguments.of("--help")).isNull();
        assertThat(AppArguments.of("--bogus")).isNull();
    }

    private static String describe(AppArguments a) {
        return "dataDir=" + a.dataDir + " demo=" + a.demo + " language=" + a.language + " lockAfterMinutes="
                + a.lockAfterMinutes + " server=" + a.server + " enrolmentCode=" + a.enrolmentCode;
    }
}
