package org.riskmonitor.closure;

import java.util.List;
import org.springframework.stereotype.Service;

/** The red and black lists the closures make: who is on them for what. */
@Service
public class RedBlackLists {

  /** The lines a page shows at most, newest first. */
  public static final int LIMIT = 500;

  private final ListMapper mapper;

  public RedBlackLists(ListMapper mapper) {
    this.mapper = mapper;
  }

  /** One list, of every case or of sampled components only. */
  public List<ListedEnterprise> entries(Outcome.ListEntry list, boolean componentsOnly) {
    return mapper.entries(list.name(), componentsOnly, LIMIT);
  }
}
