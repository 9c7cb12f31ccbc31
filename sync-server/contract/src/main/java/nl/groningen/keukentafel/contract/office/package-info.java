/** The office API's wire records (caseload import, coaches, residents, assignments, devices, users, report figures), shared by app and server. */
package nl.groningen.keukentafel.contract.office;
