package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apisync.activities.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The links of {@link SourceFixtures}' partners: contacts (one2many) and tags (many2many). */
class RelationReaderTest {

  private static RelationReader relations;

  @BeforeAll
  static void createPartners() {
    DataSource database = TestPostgres.freshDatabase("relations");
    SourceFixtures.createPartners(database);
    relations = new RelationReader(database, new SourceCatalog(database));
  }

  @Test
  void one2manyReadsTheInverseColumnLeavingOutArchivedRecords() {
    // Dave Old (6), a contact of 4, is archived; 8 has no contacts.
    assertThat(relations.linked("res.partner", "child_ids", List.of(1L, 4L, 8L)))
        .isEqualTo(Map.of(1L, List.of(2L, 3L, 4L), 4L, List.of(5L)));
  }

  @Test
  void many2manyReadsTheRelationTableLeavingOutArchivedRecords() {
    // Eve Black (7) has only the archived Legacy tag.
    assertThat(relations.linked("res.partner", "category_id", List.of(5L, 7L, 11L)))
        .isEqualTo(Map.of(5L, List.of(3L, 4L), 11L, List.of(1L)));
  }

  @Test
  void refusesFieldsThatAreNotX2many() {
    assertThatThrownBy(() -> relations.linked("res.partner", "parent_id", List.of(1L)))
        .isInstanceOf(SourceException.class)
        .hasMessage("'parent_id' on res.partner is a many2one field, not a one2many or many2many");
    assertThatThrownBy(() -> relations.linked("res.partner", "friend_ids", List.of(1L)))
        .isInstanceOf(SourceException.class)
        .hasMessage("unknown field 'friend_ids' on res.partner");
  }
}
