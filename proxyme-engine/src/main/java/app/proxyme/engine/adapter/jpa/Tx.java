package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.persistence.exceptions.EclipseLinkException;

/** Explicit RESOURCE_LOCAL transactions: one entity manager per unit of work, database errors fail closed. */
final class Tx {
    static final String DEPENDENCY = "database";

    private final EntityManagerFactory emf;

    Tx(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Runs {@code work} in a transaction; it is committed (and durable) when this returns. */
    <T> T write(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (PersistenceException | EclipseLinkException e) {
            throw new DependencyUnavailableException(DEPENDENCY, rootMessage(e), e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    void run(Consumer<EntityManager> work) {
        write(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Runs {@code insert} in a transaction of its own: {@code true} when it committed, {@code false} when the database
     * refused it for a duplicate key (SQLSTATE 23505, the same in H2 and PostgreSQL) — of concurrent inserts of one key,
     * exactly one commits. Any other failure throws, as {@link #write} does.
     */
    boolean insertOnce(Consumer<EntityManager> insert) {
        try {
            run(insert);
            return true;
        } catch (DependencyUnavailableException e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return false;
                }
            }
            throw e;
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";

    /** Runs {@code work} without a transaction (reads only). */
    <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } catch (PersistenceException | EclipseLinkException e) {
            throw new DependencyUnavailableException(DEPENDENCY, rootMessage(e), e);
        } finally {
            em.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
