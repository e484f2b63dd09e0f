export { MATPOWER_CASES, matpowerCaseText, type MatpowerCaseName } from './matpower';
export {
  CO_OPT_FILES,
  CO_OPT_LMP_REALISATIONS,
  CO_OPT_NETWORKS,
  coOptDataText,
  coOptLmpText,
  type CoOptFileName,
  type CoOptLmpRealisation,
  type CoOptNetworkName,
} from './co-opt-mess';
export { MESS_ROUTING_FILES, messRoutingText, type MessRoutingFileName } from './mess-routing';
