package canvas

// groups is the display order of the dimension groups; the keys are stable
// because every dimension and every saved session file refers to them.
// Their names live in assets/lang, in each language.
var groups = []Group{
	{Key: "customer-decision"},
	{Key: "market-scale"},
	{Key: "value-money"},
	{Key: "product-delivery"},
	{Key: "org-gtm"},
}

// catalogue is every built-in ToB/ToC dimension in display order; the keys
// are stable because session files and the Quick template refer to
// dimensions by key. The words (name, question, poles, guidance) live in
// assets/lang, written for each language.
//
// Each entry names the source articles it rests on, so a reader can check
// the wording against them:
//
//	[A] "The Difference Between ToC and ToB Products" (English)
//	[B] "What's the difference between the business models of tob and toc?" (English)
//	[C] "ToB和TOC新媒体运营有何区别?运营必知" (Chinese, woshipm.com compilation)
//	[D] "¿Cuál es la diferencia entre B2C y B2B? Mantenlo simple." (Spanish)
//	[E] "B2C vs B2B Product Management" (English)
var catalogue = []Dimension{
	{Key: "customer", Group: "customer-decision"},        // [A] 1, [C] 目标受众, [D] negocio a consumidor, [E]; ToVC: [C] tobtoctovc
	{Key: "buyer-user", Group: "customer-decision"},      // [C] 1 买方与用户, [E] customer vs user
	{Key: "decision-makers", Group: "customer-decision"}, // [C] 使用方、评估方、预算方、拍板方、签字方, [D] curva de evaluación/influencia/aprobación, [E]
	{Key: "decision-logic", Group: "customer-decision"},  // [C] 理性/感性, [D] marketing narrative, [E]
	{Key: "decision-cycle", Group: "customer-decision"},  // [C] 决策路径, [D] ciclo de ventas, investigan en línea, auditoría
	{Key: "user-voice", Group: "customer-decision"},      // [C] 3 集体人格和个人用户

	{Key: "customer-volume", Group: "market-scale"},      // [B] 3, [C] 5 用户量级差: 1000 a day vs 10 a week
	{Key: "acquisition", Group: "market-scale"},          // [A] 5, [B] extended data, [C] 拉新, [E] user acquisition
	{Key: "switching-cost", Group: "market-scale"},       // [A] 5, [C] 2 替换成本 (滴滴/美团)
	{Key: "preference-stability", Group: "market-scale"}, // [C] 受众偏好 易变/稳定
	{Key: "retention", Group: "market-scale"},            // [D] KPI de retención, churn, éxito del cliente; [C] 维护老客户

	{Key: "value", Group: "value-money"},          // [A] 3, [C] 2 价值与用户体验
	{Key: "revenue-model", Group: "value-money"},  // [A] 5, [B] 2, [C] 8 盈利模式
	{Key: "revenue-source", Group: "value-money"}, // [C] 利润来源 增量/持续订单, 6 交叉销售
	{Key: "engagement", Group: "value-money"},     // [B] 2 time spent
	{Key: "deal-size", Group: "value-money"},      // [D] volumen de transacciones

	{Key: "service-weight", Group: "product-delivery"},      // [A] 2
	{Key: "customization", Group: "product-delivery"},       // [C] 3-4, [E] product ownership
	{Key: "process-complexity", Group: "product-delivery"},  // [A] 4
	{Key: "release-cadence", Group: "product-delivery"},     // [C] 6 发布周期, [D], [E] release cycles
	{Key: "data", Group: "product-delivery"},                // [C] 9 数据量: accuracy
	{Key: "data-volume", Group: "product-delivery"},         // [C] 9 数据量: volume
	{Key: "concurrency", Group: "product-delivery"},         // [C] 9 并发, 微服务
	{Key: "load-predictability", Group: "product-delivery"}, // [C] 9 可预测

	{Key: "research", Group: "org-gtm"},     // [A] demand mining, [D] tamaño de la muestra, [E] problem statements
	{Key: "sales-team", Group: "org-gtm"},   // [B] 1, [C] 7 与销售团队的关系
	{Key: "onboarding", Group: "org-gtm"},   // [B], [C] 1对1服务, [D] autoservicio, ejecutivo de cuentas, éxito del cliente
	{Key: "pm-expertise", Group: "org-gtm"}, // [A] ability, [E] industry expertise
	{Key: "operations", Group: "org-gtm"},   // [C] 运营岗的架构; hybrid: 绝大部分产品是既需要ToB运营,又需要ToC运营的
}
