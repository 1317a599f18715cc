package canvas

// tensionRules is every tension Fulcrum knows, in the order it lists them.
// A rule's key is stable: a session stores the keys of the tensions its
// team accepted, and assets/lang keeps each rule's name, message and
// question for the room under "tensions.<key>". Each rule names the article
// in ../shared/seeds it rests on (Source), with the passage in the comment
// above it, so a reader can check it.
//
// Every rule pairs a side at the consumer pole with a side at the business
// pole: a profile that sits at one pole throughout is consistent and
// raises nothing (TestConsistentProfilesRaiseNothing).
var tensionRules = []TensionRule{
	// [C] 002: a purchase is "理性的、专业的、团队化决策的 ... 使用方、评估方、
	// 预算方、拍板方、签字方共同参与; 不像个人的冲动消费"; 决策路径: 路径短 /
	// 路径长，周期也长.
	{Key: "committee-impulse", Source: "002_0c3b1aa1ddbe3744.txt", Sides: []TensionSide{
		{Dimension: "decision-makers", Pole: LeanToB}, {Dimension: "decision-cycle", Pole: LeanToC}}},
	// [C] 002: with so many roles, "运营人员 ... 见不到这些角色，就很难了解这个
	// 企业的真正业务需求和组织架构"; ToB "基本不能一步找到决定生死的人".
	{Key: "committee-self-serve", Source: "002_0c3b1aa1ddbe3744.txt", Sides: []TensionSide{
		{Dimension: "decision-makers", Pole: LeanToB}, {Dimension: "acquisition", Pole: LeanToC}}},
	// [C] 002: "目标群体的区别是对企业/个人 - 对应决策链路就变成理性/感性 -
	// 决策链条变成经济效益决策/个人共鸣决策".
	{Key: "committee-emotion", Source: "002_0c3b1aa1ddbe3744.txt", Sides: []TensionSide{
		{Dimension: "decision-makers", Pole: LeanToB}, {Dimension: "decision-logic", Pole: LeanToC}}},
	// [E] 004: in B2B "the decision maker is likely to be a senior executive
	// or board of directors"; in B2C "the decision maker is likely the
	// customer themselves".
	{Key: "committee-individuals", Source: "004_8307918510032cfd.txt", Sides: []TensionSide{
		{Dimension: "customer", Pole: LeanToC}, {Dimension: "decision-makers", Pole: LeanToB}}},
	// [A] 000: "The switching cost of ToC products is very low, and
	// customers are more likely to be lost"; ToB switching costs are high,
	// and after-sales service retains customers.
	{Key: "repeat-orders-easy-exit", Source: "000_7bf14e726020b23b.txt", Sides: []TensionSide{
		{Dimension: "revenue-source", Pole: LeanToB}, {Dimension: "switching-cost", Pole: LeanToC}}},
	// [D] 003: "El trabajo de PM es asegurarse de que los clientes se
	// adhieran a la aplicación después de la incorporación y sigan pagando
	// las licencias ... colabora con el Equipo de éxito del cliente".
	{Key: "repeat-orders-no-renewals", Source: "003_900e05b33a529c57.txt", Sides: []TensionSide{
		{Dimension: "revenue-source", Pole: LeanToB}, {Dimension: "retention", Pole: LeanToC}}},
	// [E] 004: "In order to help with the adoption of new features, B2B
	// users are often provided with training support"; [B] 001: ToB
	// onboarding is "1 serve 1, teaching step by step until you are
	// familiar with it".
	{Key: "workflows-self-serve", Source: "004_8307918510032cfd.txt", Sides: []TensionSide{
		{Dimension: "process-complexity", Pole: LeanToB}, {Dimension: "onboarding", Pole: LeanToC}}},
	// [D] 003: "Como el entorno B2B involucra a personas, procesos y
	// tecnología, el PM debe actuar con mucho cuidado ... los cambios rápidos
	// son grandes No No de los usuarios".
	{Key: "workflows-frequent-releases", Source: "003_900e05b33a529c57.txt", Sides: []TensionSide{
		{Dimension: "process-complexity", Pole: LeanToB}, {Dimension: "release-cadence", Pole: LeanToC}}},
	// [A] 000: "ToB services are more heavyweight, and may provide somewhat
	// differentiated services for different users, and require more work in
	// the after-sales service process."
	{Key: "tailored-light-service", Source: "000_7bf14e726020b23b.txt", Sides: []TensionSide{
		{Dimension: "customization", Pole: LeanToB}, {Dimension: "service-weight", Pole: LeanToC}}},
	// [B] 001: "For toC products, you want users to stay in your APP as long
	// as possible, so that users will see more advertisements."
	{Key: "ads-minimal-time", Source: "001_73455f4e51a97000.txt", Sides: []TensionSide{
		{Dimension: "revenue-model", Pole: LeanToC}, {Dimension: "engagement", Pole: LeanToB}}},
	// [B] 001: "toB products, such as workflow tools, your goal may be to
	// minimize the time people spend on your products".
	{Key: "efficiency-maximal-time", Source: "001_73455f4e51a97000.txt", Sides: []TensionSide{
		{Dimension: "value", Pole: LeanToB}, {Dimension: "engagement", Pole: LeanToC}}},
	// [A] 000: "ToC product process scenarios are often more clear ... the
	// operation process is shorter, if the operation is too complex will
	// lead to a decline in user experience."
	{Key: "experience-heavy-process", Source: "000_7bf14e726020b23b.txt", Sides: []TensionSide{
		{Dimension: "value", Pole: LeanToC}, {Dimension: "process-complexity", Pole: LeanToB}}},
	// [D] 003: B2B means "un menor volumen de transacciones de mayor valor.
	// La línea de tiempo para una venta puede llevar más tiempo ya que ...
	// los gastos de capital tienen requisitos de auditoría".
	{Key: "big-deals-quick-decision", Source: "003_900e05b33a529c57.txt", Sides: []TensionSide{
		{Dimension: "deal-size", Pole: LeanToB}, {Dimension: "decision-cycle", Pole: LeanToC}}},
	// [B] 001: "ToC products may get 1000 new customers every day"; "The new
	// users of ToB products are basically transformed into new users through
	// the promotion of marketers one by one".
	{Key: "crowd-by-hand", Source: "001_73455f4e51a97000.txt", Sides: []TensionSide{
		{Dimension: "customer-volume", Pole: LeanToC}, {Dimension: "acquisition", Pole: LeanToB}}},
	// [E] 004: in B2B "the customer who purchases the product is not always
	// the same person who is using the product ... user interviews with end
	// users might take the product manager down a different path".
	{Key: "buyer-not-user-personas", Source: "004_8307918510032cfd.txt", Sides: []TensionSide{
		{Dimension: "buyer-user", Pole: LeanToB}, {Dimension: "research", Pole: LeanToC}}},
	// [B] 001: "when salespeople return to the office with a new customer
	// and a series of product functions to be implemented, they become the
	// leaders of product development - not the product managers."
	{Key: "custom-features-product-led", Source: "001_73455f4e51a97000.txt", Sides: []TensionSide{
		{Dimension: "customization", Pole: LeanToB}, {Dimension: "sales-team", Pole: LeanToC}}},
	// [A] 000: "ToB product manager for enterprise users need to have a deep
	// understanding of the industry business"; [E] 004: B2B postings
	// "expect a certain level of experience from the same industry".
	{Key: "organisations-psychology-pm", Source: "000_7bf14e726020b23b.txt", Sides: []TensionSide{
		{Dimension: "customer", Pole: LeanToB}, {Dimension: "pm-expertise", Pole: LeanToC}}},
	// [C] 002: "C端产品因为用户群大 ... 技术上需要支持更高的并发"; "B端产品在
	// 某个时间段内使用的用户和业务规模是可预测的，并发要求没有那么高".
	{Key: "few-customers-crowd-load", Source: "002_0c3b1aa1ddbe3744.txt", Sides: []TensionSide{
		{Dimension: "customer-volume", Pole: LeanToB}, {Dimension: "concurrency", Pole: LeanToC}}},
}
