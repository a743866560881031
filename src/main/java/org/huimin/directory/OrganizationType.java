package org.huimin.directory;

/** Kinds of organisation in a region's health system. */
public enum OrganizationType {
    /** 医院 */
    HOSPITAL,
    /** 乡镇卫生院 */
    TOWNSHIP_HEALTH_CENTRE,
    /** 社区卫生服务中心 */
    COMMUNITY_HEALTH_CENTRE,
    /** 村卫生室 */
    VILLAGE_CLINIC,
    /** 零售药店 */
    RETAIL_PHARMACY,
    /** 疾病预防控制中心 */
    CDC,
    /** 急救中心 (120) */
    EMERGENCY_CENTRE,
    /** 政府部门 (health commission, insurance bureau, civil affairs ...) */
    GOVERNMENT_OFFICE
}
