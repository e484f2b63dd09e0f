export { MATPOWER_CASES, matpowerCaseText, type MatpowerCaseName } from './matpower';
