package bench.peer;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the folder is ingested. */
@Readiness
@ApplicationScoped
public class IngestedCheck implements HealthCheck {

    private final EasyRag rag;

    public IngestedCheck(EasyRag rag) {
        this.rag = rag;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ingested").status(rag.ready()).build();
    }
}
