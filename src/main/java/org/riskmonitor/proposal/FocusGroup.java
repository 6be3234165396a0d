package org.riskmonitor.proposal;

/** The catalogue's focus groups, as the programme names them; a topic belongs to one. */
public enum FocusGroup {
  CHILDREN_STUDENTS("儿童和学生用品", "Children's and students' products"),
  ELDERLY("老年人用品", "Products for the elderly"),
  FOOD_CONTACT("食品接触产品", "Food-contact products"),
  TRENDING_ONLINE("网络热销产品", "Trending online goods"),
  HIGH_RISK("高风险产品", "High-risk products");

  private final String nameZh;
  private final String nameEn;

  FocusGroup(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String label() {
    return nameZh + " " + nameEn;
  }
}
