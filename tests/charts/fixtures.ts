/**
 * Figures copied from the report (龙城区, 朝阳市, 2021年9月) for the chart tests; `derived` rows are computed here,
 * as the site would. Timeline and loop rows follow the report's wording; the loop has no values (value 0, no unit).
 */
import type { ChartDatum } from '../../src/charts/types.ts';

/** 科技企业 counts. */
export const techFirms: ChartDatum[] = [
  { key: 'sme', label: '科技型中小企业', value: 66, unit: '家' },
  { key: 'hnte', label: '高新技术企业', value: 31, unit: '家' },
  { key: 'jbgs', label: '“揭榜挂帅”企业', value: 2, unit: '家' },
  { key: 'gazelle', label: '瞪羚企业', value: 3, unit: '家' },
  { key: 'eagle', label: '雏鹰企业', value: 7, unit: '家' },
  { key: 'giant', label: '专精特新“小巨人”企业', value: 3, unit: '家' },
];

/** 结构调整: total and completed investment. */
export const investment: ChartDatum[] = [
  { key: 'total', label: '结构调整总投资', value: 84.4, unit: '亿元', role: 'total' },
  { key: 'done', label: '完成投资', value: 23.6, unit: '亿元', role: 'part' },
];

/** 物流项目 counts; the rest (not yet started) is computed. */
export const logistics: ChartDatum[] = [
  { key: 'total', label: '物流项目共计', value: 18, unit: '个', role: 'total' },
  { key: 'running', label: '已建成运营', value: 7, unit: '个', role: 'part' },
  { key: 'started', label: '已开工', value: 6, unit: '个', role: 'part' },
];

/** Mixed figures as printed, with qualifiers. */
export const printed: ChartDatum[] = [
  { key: 'fdi', label: '实际利用外资', value: 4100, unit: '万美元', qualifier: '多' },
  { key: 'road', label: '道路', value: 60, unit: '公里', qualifier: '约' },
  { key: 'pv', label: '光伏装机', value: 1200, unit: '兆瓦' },
];

/** 十四五 targets for farmers' cooperatives. */
export const targets: ChartDatum[] = [
  { key: 'coops', label: '农民合作社', value: 300, unit: '家', qualifier: '左右', role: 'target' },
  { key: 'model-coops', label: '示范社', value: 20, unit: '家', role: 'target' },
  { key: 'farms', label: '家庭农场', value: 100, unit: '家', role: 'target' },
  { key: 'model-farms', label: '示范农场', value: 10, unit: '个', role: 'target' },
  { key: 'land-coops', label: '土地股份合作社', value: 100, unit: '家', role: 'target' },
  { key: 'share', label: '入社农户占比', value: 40, unit: '%', qualifier: '以上', role: 'target' },
];

/** A project schedule and the membrane plant's milestones. */
export const schedule: ChartDatum[] = [
  { key: 'start', label: '项目开工', value: 0, unit: '', date: '2021-07', role: 'start', status: 'in-progress' },
  { key: 'visit', label: '记者到项目现场', value: 0, unit: '', date: '2021-09-01', status: 'done' },
  {
    key: 'main-works',
    label: '膜厂主体工程将全部结束',
    value: 0,
    unit: '',
    date: '2021-11',
    datePosition: '末',
    status: 'planned',
  },
  { key: 'pv', label: '光伏项目竣工投产', value: 0, unit: '', date: '2021', datePosition: '年底', status: 'planned' },
  { key: 'in-use', label: '膜厂投入使用', value: 0, unit: '', date: '2022-05', status: 'planned' },
  { key: 'end', label: '项目竣工', value: 0, unit: '', date: '2022-10', role: 'end', status: 'planned' },
  { key: 'goal', label: '“十四五”目标年', value: 0, unit: '', date: '2025', status: 'target' },
];

/** A campaign printed as 2021年至2023年: a span of three years, under way at the report's date. */
export const campaign: ChartDatum[] = [
  { key: 'start', label: '创建工作起始年份', value: 0, unit: '', date: '2021', role: 'start', status: 'in-progress' },
  { key: 'end', label: '创建工作结束年份', value: 0, unit: '', date: '2023', role: 'end', status: 'planned' },
];

/** The rural demonstration loop 一水、双轴、四区、多点. */
export const ruralLoop: ChartDatum[] = [
  { key: 'exit', label: '西大营子镇高速公路出入口', value: 0, unit: '', group: 'node', role: 'start' },
  { key: 'xiban', label: '西半线', value: 0, unit: '', group: 'axis' },
  { key: 'g101', label: 'G101国道', value: 0, unit: '', group: 'axis' },
  { key: 'zhuer', label: '朱二线', value: 0, unit: '', group: 'route' },
  { key: 'shiji', label: '世纪大街', value: 0, unit: '', group: 'route' },
  { key: 'daling', label: '大凌河', value: 0, unit: '', group: 'water' },
  { key: 'xdyz', label: '西大营子镇', value: 0, unit: '', group: 'area' },
  { key: 'hailong', label: '海龙街道', value: 0, unit: '', group: 'area' },
  { key: 'dapingfang', label: '大平房镇', value: 0, unit: '', group: 'area' },
  { key: 'lianhe', label: '联合镇', value: 0, unit: '', group: 'area' },
  { key: 'inn', label: '老窝铺新龙门客栈', value: 0, unit: '', group: 'node' },
  { key: 'grapes', label: '西湾葡萄种植采摘园', value: 0, unit: '', group: 'node' },
  { key: 'love', label: '西沟爱情村', value: 0, unit: '', group: 'node' },
  { key: 'pool', label: '御赐饮马池', value: 0, unit: '', group: 'node' },
  { key: 'bay', label: '红色凌河湾', value: 0, unit: '', group: 'node' },
];

/** Grouped: the same two measures for two kinds of firms (illustrative pairing of the report's counts). */
export const groupedFirms: ChartDatum[] = [
  { key: 'hnte-count', label: '高新技术企业', value: 31, unit: '家', group: '认定企业' },
  { key: 'sme-count', label: '科技型中小企业', value: 66, unit: '家', group: '认定企业' },
  { key: 'gazelle-count', label: '瞪羚企业', value: 3, unit: '家', group: '培育企业' },
  { key: 'eagle-count', label: '雏鹰企业', value: 7, unit: '家', group: '培育企业' },
];

/** A label an attacker could write. */
export const hostile: ChartDatum[] = [
  { key: 'x"><script>', label: '<script>alert(1)</script> & “引号”', value: 5, unit: '家' },
  { key: 'ok', label: 'A & B', value: 3, unit: '家' },
];
