/**
 * Settings of a review period. Everything that changed after 2019 (rules, bodies, the map) is here
 * as data, so a later period needs no code change (brief §5).
 */
export interface PeriodSettings {
  /** The year reviewed, e.g. 2019. */
  period: number;
  /** Directly superior body, upper case in print: "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ". */
  parentBody: string;
  /** Issuing body: "THỊ ỦY HƯƠNG THỦY". */
  issuingBody: string;
  /** Short name of the body that consolidates: "Ban Tổ chức Thị ủy". */
  organizationCommittee: string;
  /** Place for the date line: "Hương Thủy". */
  place: string;
  /** ISO date (YYYY-MM-DD) printed on the date line; null = leave "ngày … tháng … năm …" blank. */
  documentDate: string | null;
  /** Deadline for submissions, ISO date: "2019-12-25". */
  deadline: string;
  /** Deadline for the report to the province, ISO date: "2020-01-15". */
  reportDeadline: string;
  /**
   * Deadlines of particular templates (template id → ISO date), before the general `deadline`:
   * the plan asks MTTQ and the đoàn thể (3.8) by 20/11, the rest by 25/12.
   */
  templateDeadlines?: Record<string, string>;
  signer: {
    /** "T/M BAN THƯỜNG VỤ" */
    onBehalfOf: string;
    /** "PHÓ BÍ THƯ THƯỜNG TRỰC" */
    position: string;
    /** "Nguyễn Tài Tuệ" */
    name: string;
  };
  /** Id of the classification rule set in force, e.g. "HD21-2019". */
  ruleSetId: string;
  /**
   * Id of the shipped template set to use ("HD21-2019", "QD366-2025"); absent = the shipped set
   * whose periods include `period`. The command line's --templates DIR overrides it.
   */
  templateSetId?: string;
  /** Id of the unit register, e.g. "huong-thuy-2019". */
  registerId: string;
  /**
   * The printed report's number and symbol: "Số 45-BC/TU". Number null or absent = left blank for
   * the clerk to fill when the report is issued ("Số      -BC/TU"); symbol absent = "BC/TU".
   */
  reportNumber?: string | null;
  reportSymbol?: string;
  /**
   * The plan the templates are attached to: "Mẫu số 3.14 (kèm theo Kế hoạch số 125-KH/TU, ngày
   * 15/11/2019 …)". Number/date null or absent = dots; symbol absent = "KH/TU".
   */
  planNumber?: string | null;
  planSymbol?: string;
  planDate?: string | null;
  /** The standing committee in running text ("Ban Thường vụ Thị ủy"); absent = from issuingBody. */
  standingCommittee?: string;
  /** "Nơi nhận" lines of the printed report; absent = the default recipients. */
  recipients?: string[];
  /**
   * Heading (body that asks) of templates sent out by a state department, by department id
   * (e.g. "noi-vu": ["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG NỘI VỤ"]); absent = the issuing body.
   */
  departmentHeadings?: Record<string, string[]>;
  /**
   * Party organs of the issuing body that send templates, by department id ("ubkt": "ỦY BAN KIỂM
   * TRA"): their templates carry the Party heading "<issuing body> / <organ>". Absent = the organs
   * of a district-level committee (Ban Tổ chức, UBKT, Ban Tuyên giáo, Văn phòng, Ban Dân vận).
   */
  partyOrgans?: Record<string, string>;
  /**
   * Print Phụ lục 3 (the departments' figures per unit) with the report; absent = true. False
   * leaves it out of the master and of `xeploai print`.
   */
  printDepartmentAnnex?: boolean;
  /** Print margins in mm for reports (HD 36 [P]: 25/25/35/15); absent = that default. */
  printMargins?: { top: number; bottom: number; left: number; right: number };
}
