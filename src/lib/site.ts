/** Facts about the site itself, shown in headers, footers and metadata. Nothing here may be invented. */
export const site = {
  name: '数说龙城',
  tagline: '用数据读懂一份关于朝阳市龙城区的报道',
  /** What the site is built from, in the words the report supports: no newspaper name or exact date is known. */
  sourceLine: '本站内容整理自2021年9月一版关于辽宁省朝阳市龙城区的报纸报道，本版稿件由本报记者张旭采写。',
  reporter: '张旭',
} as const;
