package org.yizhan.model;

/** 来源渠道 of a material. */
public enum MaterialSource {
    /** 申请人自备 */
    APPLICANT,
    /** 政府部门核发 */
    GOVERNMENT,
    /** 其他（如医院、银行、中介机构出具） */
    OTHER;
}
