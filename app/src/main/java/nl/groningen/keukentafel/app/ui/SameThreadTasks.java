package nl.groningen.keukentafel.app.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs "background" work at once on the calling thread: for tests of view models. */
public final class SameThreadTasks implements BackgroundTasks {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
