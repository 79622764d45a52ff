/** The 19 new-rural criteria, QĐ 1980/QĐ-TTg (17/10/2016): reference data for template 3.3. */
import type { LocalizedText } from "../i18n";

const t = (vi: string, en: string): LocalizedText => ({ vi, en });

export const NTM_CRITERIA: LocalizedText[] = [
  t("Quy hoạch", "Planning"),
  t("Giao thông", "Transport"),
  t("Thủy lợi", "Irrigation"),
  t("Điện", "Electricity"),
  t("Trường học", "Schools"),
  t("Cơ sở vật chất văn hóa", "Cultural facilities"),
  t("Cơ sở hạ tầng thương mại nông thôn", "Rural commerce infrastructure"),
  t("Thông tin và Truyền thông", "Information and communication"),
  t("Nhà ở dân cư", "Housing"),
  t("Thu nhập", "Income"),
  t("Hộ nghèo", "Poor households"),
  t("Lao động có việc làm", "Employment"),
  t("Tổ chức sản xuất", "Production organisation"),
  t("Giáo dục và Đào tạo", "Education and training"),
  t("Y tế", "Health"),
  t("Văn hóa", "Culture"),
  t("Môi trường và an toàn thực phẩm", "Environment and food safety"),
  t("Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"),
  t("Quốc phòng và An ninh", "Defence and security"),
];

/** Column keys of the criteria in template 3.3: tc01 … tc19. */
export const NTM_KEYS = NTM_CRITERIA.map((_, i) => `tc${String(i + 1).padStart(2, "0")}`);
