package care.mend.platform;

import care.mend.platform.Page;
import care.mend.platform.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds a filtered, paged JPQL listing: conditions are added only for the filters that are set, and the same
 * conditions serve the count and the page. Values are always bound as parameters, never concatenated.
 */
public final class JpaListing<T> {

    private final Class<T> type;
    private final String alias;
    private final StringJoiner where = new StringJoiner(" and ", " where ", "").setEmptyValue("");
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private boolean nothingVisible;

    private JpaListing(Class<T> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    /** A listing of all {@code type} entities, referred to as {@code alias} in conditions. */
    public static <T> JpaListing<T> of(Class<T> type, String alias) {
        return new JpaListing<>(type, alias);
    }

    /** Adds {@code condition} (which uses {@code :name}) when {@code value} is not null. */
    public JpaListing<T> filter(String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition}, which uses every parameter named in {@code values}, unconditionally. */
    public JpaListing<T> filter(String condition, Map<String, Object> values) {
        where.add(condition);
        parameters.putAll(values);
        return this;
    }

    /**
     * Restricts the listing to rows whose {@code path} is one of {@code ids}: the caller's reach from the access
     * policy. {@code null} means unrestricted; an empty collection means nothing is visible.
     */
    public JpaListing<T> within(String path, String name, java.util.Collection<java.util.UUID> ids) {
        if (ids == null) {
            return this;
        }
        if (ids.isEmpty()) {
            nothingVisible = true;
            return this;
        }
        return filter(path + " in :" + name, name, ids);
    }

    /** The requested page, ordered by {@code orderBy} (which should end with a unique attribute, for stable pages). */
    public Page<T> page(EntityManager em, String orderBy, PageRequest request) {
        if (nothingVisible) {
            return new Page<>(java.util.List.of(), request.page(), request.size(), 0);
        }
        String from = " from " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        TypedQuery<T> select = em.createQuery("select " + alias + from + " order by " + orderBy, type);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        var items = total == 0 ? java.util.List.<T>of()
                : select.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(items, request.page(), request.size(), total);
    }
}
