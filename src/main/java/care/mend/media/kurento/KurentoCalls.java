package care.mend.media.kurento;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.kurento.client.Continuation;

/** Turns the Kurento client's continuations into futures, so that calls compose and run in parallel. */
final class KurentoCalls {

    private KurentoCalls() {
    }

    static <T> CompletableFuture<T> call(Consumer<Continuation<T>> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            call.accept(new Continuation<>() {
                @Override
                public void onSuccess(T result) {
                    future.complete(result);
                }

                @Override
                public void onError(Throwable cause) {
                    future.completeExceptionally(cause);
                }
            });
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }
}
